import type { ErrorObject } from 'ajv';

/**
 * With allErrors, a failed anyOf/oneOf reports every branch's errors plus its own. People need
 * the errors of the branch the data was evidently meant for: the one whose shallowest error is
 * deepest (it matched the most of the structure), then the one with the fewest errors. When every
 * branch already fails on the value's type, one "must be X or Y" error replaces them all.
 */
export function pruneBranchErrors(errors: ErrorObject[]): ErrorObject[] {
  let list = errors.filter((e) => e.keyword !== 'if');
  const compositions = list
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  // When no branch matched, no property counts as evaluated there: "unknown field" would be noise.
  const failedAt = new Set(compositions.map((e) => e.instancePath));
  list = list.filter((e) => e.keyword !== 'unevaluatedProperties' || !failedAt.has(e.instancePath));
  for (const composition of compositions) {
    if (list.includes(composition)) list = pruneOne(list, composition);
  }
  return list;
}

function pruneOne(list: ErrorObject[], composition: ErrorObject): ErrorObject[] {
  const prefix = `${composition.schemaPath}/`;
  const at = composition.instancePath;
  const branches = new Map<string, ErrorObject[]>();
  for (const e of list) {
    if (e === composition || !e.schemaPath.startsWith(prefix) || !isWithin(e.instancePath, at)) continue;
    const index = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
    branches.set(index, [...(branches.get(index) ?? []), e]);
  }
  const inBranches = new Set([...branches.values()].flat());
  const rest = (keep: ErrorObject[]) => list.filter((e) => !inBranches.has(e) || keep.includes(e));
  if (branches.size === 0) return list;
  if (Array.isArray((composition.params as { passingSchemas?: unknown }).passingSchemas)) {
    return rest([]);
  }
  // `anyOf: [X, {type: null}]` is how a JSON Schema says "X or null": a non-null value was meant to be X.
  const meant = [...branches.values()].filter((errs) => !isOnlyNotNull(errs, at));
  if (meant.length === 1 && branches.size > 1) return rest(meant[0]!).filter((e) => e !== composition);
  const ranked = meant.map((errs) => ({ errs, depth: shallowestDepth(errs, at) }));
  if (ranked.every((b) => b.depth < 0)) {
    const types = ranked.flatMap((b) =>
      b.errs.filter((e) => e.keyword === 'type' && e.instancePath === at).map((e) => String(e.params.type)),
    );
    if (types.length === 0) return rest([]);
    const merged: ErrorObject = { ...composition, keyword: 'type', params: { type: types.join(',') } };
    return rest([]).map((e) => (e === composition ? merged : e));
  }
  ranked.sort((a, b) => b.depth - a.depth || a.errs.length - b.errs.length);
  const best = ranked[0]?.errs ?? [];
  return rest(best).filter((e) => e !== composition);
}

/** -1 when the branch rejects the value's type outright; else the depth of its shallowest error. */
function shallowestDepth(errors: ErrorObject[], at: string): number {
  let min = Number.POSITIVE_INFINITY;
  for (const e of errors) {
    if (e.instancePath === at && ['type', 'const', 'enum', 'false schema'].includes(e.keyword)) return -1;
    min = Math.min(min, e.instancePath.split('/').length);
  }
  return min;
}

function isOnlyNotNull(errors: ErrorObject[], at: string): boolean {
  const [only] = errors;
  return (
    errors.length === 1 && only?.keyword === 'type' && only.instancePath === at && only.params.type === 'null'
  );
}

function isWithin(path: string, at: string): boolean {
  return path === at || path.startsWith(`${at}/`);
}
