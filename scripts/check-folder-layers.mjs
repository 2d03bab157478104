#!/usr/bin/env node
// The folders of src/core import one way: no two folders import each other, directly or around a
// loop, counting static imports, re-exports, type imports and dynamic import()s alike. Run by
// `npm run lint`; prints each loop with the imports that close it and exits 1.
// Usage: scripts/check-folder-layers.mjs [core-folder]   (default: src/core of this repository)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const core = resolve(process.argv[2] ?? fileURLToPath(new URL('../src/core', import.meta.url)));
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

function sources(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sources(path));
    else if (/\.(ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/** The top folder of src/core a file is in ('.' for a file straight in it). */
const folderOf = (file) => {
  const parts = relative(core, file).split(sep);
  return parts.length > 1 ? parts[0] : '.';
};

/** folder -> folder -> the imports that make the arrow ("a/x.ts -> b/y.js"). */
const arrows = new Map();
for (const file of sources(core)) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(IMPORT)) {
    const target = resolve(dirname(file), match[1]);
    if (!target.startsWith(core + sep)) continue;
    const from = folderOf(file);
    const to = folderOf(target);
    if (from === to || from === '.' || to === '.') continue;
    if (!arrows.has(from)) arrows.set(from, new Map());
    const byTarget = arrows.get(from);
    if (!byTarget.has(to)) byTarget.set(to, []);
    byTarget.get(to).push(`${relative(core, file)} -> ${relative(core, target)}`);
  }
}

// Tarjan's strongly connected components: every component of more than one folder holds a loop.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const loops = [];
function visit(folder) {
  index.set(folder, counter);
  low.set(folder, counter++);
  stack.push(folder);
  onStack.add(folder);
  for (const next of arrows.get(folder)?.keys() ?? []) {
    if (!index.has(next)) {
      visit(next);
      low.set(folder, Math.min(low.get(folder), low.get(next)));
    } else if (onStack.has(next)) low.set(folder, Math.min(low.get(folder), index.get(next)));
  }
  if (low.get(folder) !== index.get(folder)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(member);
  } while (member !== folder);
  if (component.length > 1) loops.push(component.sort());
}
for (const folder of [...arrows.keys()].sort()) if (!index.has(folder)) visit(folder);

if (loops.length === 0) {
  console.log(
    `check-folder-layers: the ${arrows.size} importing folders of ${relative(process.cwd(), core) || '.'} import one way`,
  );
  process.exit(0);
}
for (const component of loops) {
  console.error(
    `check-folder-layers: these folders of src/core import each other around a loop: ${component.join(', ')}`,
  );
  for (const from of component)
    for (const [to, imports] of arrows.get(from) ?? [])
      if (component.includes(to)) console.error(`  ${from} -> ${to}: ${imports.join('; ')}`);
}
console.error('Move the shared code down into a folder both can import, so imports run one way.');
process.exit(1);
