/**
 * The licence texts of what a single executable carries besides tc-webhook: Node.js itself and
 * every package bundled into its scripts. The npm package needs none of this (each dependency is
 * installed with its own licence); the executable is one file, so it carries them as an asset and
 * the build writes them beside it (scripts/build-binary.mjs).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file's name beside the executables, and its asset's name inside each. */
export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';

export interface Notice {
  /** What the text covers, e.g. `undici 7.30.2` or `Node.js 24.22.3`. */
  title: string;
  /** The SPDX expression its package.json names, when it names one. */
  license?: string;
  text: string;
}

/** A licence file as packages name it: LICENSE, LICENCE, COPYING, with or without an extension. */
const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i;

/**
 * The notice of the package installed in `dir`: its name, version and licence file. A package
 * without a licence file gets its package.json's licence name (the text then has to come from the
 * licence itself, which says so).
 */
export function packageNotice(dir: string): Notice {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license?: string;
  };
  const file = readdirSync(dir)
    .filter((name) => LICENSE_FILE.test(name))
    .sort()[0];
  return {
    title: `${manifest.name} ${manifest.version}`,
    ...(manifest.license ? { license: manifest.license } : {}),
    text: file
      ? readFileSync(join(dir, file), 'utf8').trim()
      : `Licensed under ${manifest.license ?? 'the terms in its package'}; the package ships no licence file.`,
  };
}

/**
 * The folder of the package that holds `file`, from its path inside node_modules: the innermost
 * one, so that a copy nested under another package is its own package.
 */
export function packageDirOf(root: string, file: string): string | undefined {
  const match = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file);
  if (!match?.[1]) return undefined;
  const dir = join(root, match[1]);
  return existsSync(join(dir, 'package.json')) ? dir : undefined;
}

/** One text of all notices: Node.js first (each version built), then the packages by name. */
export function renderNotices(nodes: readonly Notice[], packages: readonly Notice[]): string {
  const sorted = [...packages].sort((a, b) => a.title.localeCompare(b.title));
  const rule = '='.repeat(78);
  const section = (notice: Notice) =>
    [
      rule,
      notice.license ? `${notice.title} (${notice.license})` : notice.title,
      rule,
      '',
      notice.text,
      '',
    ].join('\n');
  return [
    'Third-party software in this tc-webhook executable',
    '',
    'Node.js, which runs it, and the packages bundled into it:',
    ...[...nodes, ...sorted].map((notice) => `  ${notice.title}`),
    '',
    ...nodes.map(section),
    ...sorted.map(section),
  ].join('\n');
}
