import { readFileSync } from 'node:fs';
import { VERSION } from '../../build-info.js';

/** The version the build wrote; package.json's only in a compile by tsc alone. */
export function toolVersion(): string {
  if (VERSION !== undefined) return VERSION;
  const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Every request the tool makes says what made it, so an endpoint's log can tell test traffic apart. */
export const USER_AGENT = `tc-webhook/${toolVersion()}`;
