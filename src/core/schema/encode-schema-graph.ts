/**
 * JSON for a dereferenced schema graph, which shares objects and may be circular: every object
 * reached more than once is written once to a table and referenced by index, so decoding gives
 * back the same shape (shared schemas stay shared, recursion stays recursion).
 */
const REF = '$schemaGraphRef';

type Obj = Record<string, unknown> | unknown[];

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null;
}

export function encodeSchemaGraph(root: unknown): string {
  const seen = new Set<object>();
  const repeated = new Set<object>();
  const count = (value: unknown): void => {
    if (!isObj(value)) return;
    if (seen.has(value)) {
      repeated.add(value);
      return;
    }
    seen.add(value);
    for (const child of Object.values(value)) count(child);
  };
  count(root);

  const ids = new Map<object, number>();
  const table: unknown[] = [];
  const encode = (value: unknown, asEntry = false): unknown => {
    if (!isObj(value)) return value;
    if (repeated.has(value) && !asEntry) {
      let id = ids.get(value);
      if (id === undefined) {
        id = table.length;
        ids.set(value, id);
        table.push(null);
        table[id] = encode(value, true);
      }
      return { [REF]: id };
    }
    if (Array.isArray(value)) return value.map((child) => encode(child));
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, encode(child)]));
  };
  const encodedRoot = encode(root);
  return JSON.stringify({ root: encodedRoot, table });
}

export function decodeSchemaGraph(text: string): unknown {
  const { root, table } = JSON.parse(text) as { root: unknown; table: unknown[] };
  const target = (value: unknown): unknown =>
    isObj(value) && !Array.isArray(value) && typeof value[REF] === 'number' ? table[value[REF]] : undefined;
  const link = (value: unknown): void => {
    if (!isObj(value)) return;
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? [...value.entries()]
      : Object.entries(value);
    for (const [key, child] of entries) {
      const shared = target(child);
      if (shared !== undefined) (value as Record<string | number, unknown>)[key] = shared;
      else link(child);
    }
  };
  for (const entry of table) link(entry);
  link(root);
  return target(root) ?? root;
}
