/**
 * Build step (`npm run build`, right after tsc): writes dist/src/build-info.js with the build id (a
 * hash of the compiled code, see build-id.ts) and the package version, in place of the placeholders
 * tsc compiled from src/build-info.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILD_INFO_FILE, computeBuildId } from './build-id.js';

const dist = fileURLToPath(new URL('../', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const buildId = computeBuildId(dist);
writeFileSync(
  new URL(`../${BUILD_INFO_FILE}`, import.meta.url),
  [
    '// Written by `npm run build` (src/build/write-build-info.ts); src/build-info.ts documents it.',
    `export const BUILD_ID = ${JSON.stringify(buildId)};`,
    `export const VERSION = ${JSON.stringify(pkg.version)};`,
    '',
  ].join('\n'),
);
console.log(`build ${buildId} of version ${pkg.version}`);
