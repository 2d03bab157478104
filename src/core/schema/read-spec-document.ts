import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.js';

export interface SpecText {
  /** Absolute file path or http(s) URL: the base that relative `$ref`s resolve against. */
  location: string;
  isUrl: boolean;
  text: string;
}

export interface SpecDocument extends SpecText {
  document: unknown;
}

export interface ReadSpecOptions {
  cwd: string;
  timeoutMs: number;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
}

/** Reads a spec from a file or an http(s) URL. */
export async function readSpecText(spec: string, options: ReadSpecOptions): Promise<SpecText> {
  const isUrl = /^https?:\/\//i.test(spec);
  const location = isUrl ? spec : toFilePath(spec, options.cwd);
  const text = isUrl ? await fetchSpec(spec, options) : await readSpecFile(spec, location);
  return { location, isUrl, text };
}

function toFilePath(spec: string, cwd: string): string {
  if (/^file:/i.test(spec)) return fileURLToPath(spec);
  return isAbsolute(spec) ? spec : resolve(cwd, spec);
}

async function readSpecFile(spec: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable');
    throw new InputError(`cannot read the spec ${spec}: ${why}`, 'Check the --spec path');
  }
}

async function fetchSpec(url: string, options: ReadSpecOptions): Promise<string> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await fetchImpl(url, {
      signal,
      headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.5' },
    });
    if (!response.ok) {
      throw new InputError(`cannot fetch the spec ${url}: HTTP ${response.status}`, 'Check the --spec URL');
    }
    return await response.text();
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (signal.aborted) {
      throw new InputError(
        `the spec URL ${url} did not answer within ${options.timeoutMs} ms`,
        'Check the URL, or raise --timeout',
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new InputError(`cannot fetch the spec ${url}: ${why}`, 'Check the --spec URL');
  }
}

/** JSON first (fast, and most JSON specs are large); YAML otherwise, with its error position. */
export async function parseSpecText(raw: string, spec: string): Promise<unknown> {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Not strict JSON; YAML (a superset) parses it or reports where it breaks.
    }
  }
  const { parse, YAMLError } = await import('yaml');
  try {
    return parse(text, { logLevel: 'error', maxAliasCount: 100 }) as unknown;
  } catch (error) {
    if (error instanceof YAMLError) {
      const at = error.linePos?.[0];
      const where = at ? ` at line ${at.line}, column ${at.col}` : '';
      const what = error.message.split(/ at line \d+/)[0] ?? error.message;
      throw new InputError(`cannot parse the spec ${spec}${where}: ${what}`, 'Fix the YAML or JSON syntax');
    }
    throw error;
  }
}
