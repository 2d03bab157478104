import { collectInputs } from '../core/validate/collect-inputs.js';
import type { ValidateReport } from '../report/validate-report.js';
import type { PayloadResult } from '../core/validate/payload-result.js';
import { provideValidators } from '../core/validate/provide-validators.js';
import { validatePayload } from '../core/validate/validate-payload.js';
import { proxySettingsOf, trustedCasOf } from './command-deps.js';
import type { CommandContext } from './context.js';
import type { ValidateOptions } from './options.js';

/** A --spec URL and its `$ref`s are fetched through the proxy settings. */
async function specFetch(ctx: CommandContext, options: ValidateOptions): Promise<typeof globalThis.fetch> {
  const [{ createProxyFetch }, { pemsOf }] = await Promise.all([
    import('../core/http/proxy-fetch.js'),
    import('../core/net/trust-store.js'),
  ]);
  // No --ca here, but NODE_EXTRA_CA_CERTS counts, direct or through a proxy.
  const ca = pemsOf(await trustedCasOf(ctx.deps, [], ctx.cwd));
  return createProxyFetch(proxySettingsOf(ctx.deps, options.proxy), { ca, timeoutMs: options.timeoutMs });
}

/** Lets queued events (a Ctrl-C) run; true when the signal is aborted by then. */
async function yieldTo(signal: AbortSignal): Promise<boolean> {
  await new Promise((resolve) => setImmediate(resolve));
  return signal.aborted;
}

/** The promise's value, or undefined as soon as the signal is aborted. */
async function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return undefined;
  promise.catch(() => undefined); // once abandoned, its failure (stdin closed under it) is nobody's news
  let onAbort = () => undefined as void;
  const aborted = new Promise<undefined>((resolve) => (onAbort = () => resolve(undefined)));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

export type { ValidateReport } from '../report/validate-report.js';

/** What --only-failed keeps: a file with an error or a warning. */
function hasFindings(result: PayloadResult): boolean {
  return !result.valid || result.warnings.length > 0 || (result.moreWarnings ?? 0) > 0;
}

/**
 * Validates payload files one at a time (only the small per-file results are kept), compiling
 * each webhook type's schema once. Unreadable inputs or an unusable spec throw InputError (exit 2);
 * invalid payloads are findings in the report (exit 1).
 */
export async function validateCommand(
  options: ValidateOptions,
  ctx: CommandContext,
): Promise<ValidateReport> {
  const { inputs, skipped } = collectInputs(options.files, ctx.cwd, options.maxBytes);
  for (const entry of skipped) ctx.warn(`skipped ${entry.file}: ${entry.reason}`);
  const fixedKind = options.type === 'auto' ? undefined : options.type;
  const provider = await provideValidators(
    {
      spec: options.spec,
      strict: options.strict,
      timeoutMs: options.timeoutMs,
      cwd: ctx.cwd,
      cacheDir: ctx.deps.cacheDir,
      maxBytes: options.maxBytes,
      ...(options.spec !== undefined && /^https?:\/\//i.test(options.spec)
        ? { fetch: await specFetch(ctx, options) }
        : {}),
    },
    fixedKind,
  );
  const check = {
    type: options.type,
    maxErrors: options.maxErrors,
    maxBytes: options.maxBytes,
    validatorFor: provider.validatorFor,
  };
  const files: PayloadResult[] = [];
  const counted = { files: 0, valid: 0, warnings: 0 };
  let yieldedAt = ctx.deps.monotonic();
  for (const input of inputs) {
    const validating = validatePayload(input, () => ctx.stdin, check);
    // stdin may never end (a pipe left open): an interrupt stops waiting for it and closes it.
    const result =
      input.source === 'stdin' && ctx.signal ? await unlessAborted(validating, ctx.signal) : await validating;
    if (result === undefined) {
      ctx.stdin.destroy();
      break;
    }
    counted.files += 1;
    if (result.valid) counted.valid += 1;
    counted.warnings += result.warnings.length + (result.moreWarnings ?? 0);
    if (!options.onlyFailed || hasFindings(result)) files.push(result);
    // Validating is synchronous work: a pending Ctrl-C gets its turn every 20 ms (a turn of the
    // event loop per file would cost more than many small files take to validate).
    if (ctx.signal?.aborted) break;
    if (ctx.signal && ctx.deps.monotonic() - yieldedAt > 20) {
      if (await yieldTo(ctx.signal)) break;
      yieldedAt = ctx.deps.monotonic();
    }
  }
  const interrupted = ctx.signal?.aborted === true;
  return {
    ok: !interrupted && counted.valid === counted.files,
    ...(interrupted ? { interrupted: true as const } : {}),
    ...(options.onlyFailed ? { onlyFailed: true as const } : {}),
    files,
    summary: {
      files: counted.files,
      valid: counted.valid,
      invalid: counted.files - counted.valid,
      warnings: counted.warnings,
    },
    schemas: provider.used(),
    skipped,
  };
}
