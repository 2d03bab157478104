import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Where the command ran and the checkout GitHub annotates (GITHUB_WORKSPACE; else the working folder). */
export interface Workspace {
  cwd: string;
  root: string;
}

/**
 * A payload file as GitHub and SARIF viewers look it up: relative to the workspace, `/`-separated.
 * A file outside it keeps its absolute path; standard input has none (undefined).
 */
export function workspacePath(
  file: string,
  where: Workspace,
): { relative: boolean; path: string } | undefined {
  if (file === '<stdin>') return undefined;
  const absolute = resolve(where.cwd, file);
  const inside = relative(where.root, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
    return { relative: false, path: absolute };
  return { relative: true, path: inside.split(sep).join('/') };
}
