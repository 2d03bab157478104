import { isAbsolute, resolve } from 'node:path';
import { USER_AGENT } from '../net/user-agent.js';
import { failureWordsOf } from '../net/failure-words.js';
import { fileURLToPath } from 'node:url';
import { CliError, InputError } from '../../errors.js';
import { describeFsError, fsErrorCode } from '../files/describe-fs-error.js';
import { DEFAULT_MAX_INPUT_BYTES, readFileBounded, tooLarge } from '../input/read-bounded.js';

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
  /** Size limit of the spec, in bytes (256 MiB by default). */
  maxBytes?: number;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
}

/** Redirects followed for a spec URL, each within the URL's own origin. */
const MAX_REDIRECTS = 5;

/** Reads a spec from a file or an http(s) URL. */
export async function readSpecText(spec: string, options: ReadSpecOptions): Promise<SpecText> {
  const isUrl = /^https?:\/\//i.test(spec);
  const location = isUrl ? spec : toFilePath(spec, options.cwd);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const text = isUrl ? await fetchSpec(spec, options) : await readSpecFile(spec, location, maxBytes);
  return { location, isUrl, text };
}

function toFilePath(spec: string, cwd: string): string {
  if (/^file:/i.test(spec)) return fileURLToPath(spec);
  return isAbsolute(spec) ? spec : resolve(cwd, spec);
}

async function readSpecFile(spec: string, path: string, maxBytes: number): Promise<string> {
  try {
    return (await readFileBounded(path, `the spec ${spec}`, maxBytes)).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read the spec ${spec}: ${describeFsError(error)}`, 'Check the --spec path', {
      code: fsErrorCode(error),
    });
  }
}

/**
 * Fetches a spec (or a `$ref` of a spec URL) as text, bounded in time and size. Redirects are
 * followed only within the origin of `url` (never to another host, never from https to http):
 * a spec server must not be able to send the tool elsewhere.
 */
export async function fetchSpec(
  url: string,
  options: Omit<ReadSpecOptions, 'cwd'>,
  what = 'the spec',
): Promise<string> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  const parsed = new URL(url);
  if (parsed.username || parsed.password) {
    // fetch() refuses such a URL, and an error line must not repeat the password.
    if (parsed.password) parsed.password = '***';
    throw new InputError(
      `cannot fetch ${what} ${parsed.href}: a URL carrying credentials cannot be fetched`,
      'Download the spec and give its file path, or serve it without credentials',
    );
  }
  const origin = parsed.origin;
  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetchImpl(current, {
        signal,
        redirect: 'manual',
        headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.5', 'user-agent': USER_AGENT },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        const next = new URL(location, current);
        if (next.origin !== origin) {
          throw new InputError(
            `refused to follow ${what} ${url}: it redirects to ${next.origin}, another origin`,
            'Pass the final URL of the spec',
          );
        }
        if (redirects >= MAX_REDIRECTS) {
          throw new InputError(
            `cannot fetch ${what} ${url}: more than ${MAX_REDIRECTS} redirects`,
            'Check the --spec URL',
          );
        }
        current = next.href;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new InputError(`cannot fetch ${what} ${url}: HTTP ${response.status}`, 'Check the --spec URL');
      }
      return await readBodyBounded(response, `${what} ${url}`, options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES);
    }
  } catch (error) {
    if (error instanceof CliError) throw error; // an unusable spec, or a proxy named in its own words
    if (signal.aborted) {
      throw new InputError(
        `the spec URL ${url} did not answer within ${options.timeoutMs} ms`,
        'Check the URL, or raise --timeout',
      );
    }
    const why = failureWordsOf(error);
    throw new InputError(`cannot fetch ${what} ${url}: ${why}`, 'Check the --spec URL');
  }
}

async function readBodyBounded(response: Response, name: string, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(name, maxBytes, declared);
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw tooLarge(name, maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/** Aliases allowed in a spec; real specs use a handful, an alias bomb millions. */
const MAX_ALIAS_COUNT = 100;

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
    return parse(text, { logLevel: 'error', maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (error) {
    if (error instanceof YAMLError) {
      const at = error.linePos?.[0];
      const where = at ? ` at line ${at.line}, column ${at.col}` : '';
      const what = error.message.split(/ at line \d+/)[0] ?? error.message;
      throw new InputError(`cannot parse the spec ${spec}${where}: ${what}`, 'Fix the YAML or JSON syntax');
    }
    // The yaml package throws a plain ReferenceError for an alias bomb ("billion laughs"), and
    // may throw others for inputs it cannot handle: each is a spec that cannot be used.
    const why = /alias/i.test((error as Error).message ?? '')
      ? 'too many YAML aliases (an alias bomb?)'
      : 'the YAML cannot be read';
    throw new InputError(`cannot parse the spec ${spec}: ${why}`, 'Fix the YAML or JSON syntax');
  }
}
