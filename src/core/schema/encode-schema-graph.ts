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
  // Decoded at the start of every validation against the bundled specs: walked by key rather than
  // by [key, value] pairs, which cost about three times as long on code that runs once.
  const link = (value: unknown): void => {
    if (!isObj(value)) return;
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const shared = target(object[key]);
      if (shared !== undefined) object[key] = shared;
      else link(object[key]);
    }
  };
  for (const entry of table) link(entry);
  link(root);
  return target(root) ?? root;
}
