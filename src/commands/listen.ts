import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { partialName } from '../core/files/write-whole-file.js';
import { sweepPartialSaves } from '../core/listen/save-delivery.js';
import { InputError } from '../errors.js';
import { describeFsError } from '../core/files/describe-fs-error.js';
import { createDeliveryAgent } from '../core/http/delivery-agent.js';
import { pemsOf } from '../core/net/trust-store.js';
import { buildAuthCheck } from '../core/listen/build-auth-check.js';
import { checkListenOptions } from '../core/listen/check-listen-options.js';
import { describeStart } from '../core/listen/describe-start.js';
import { forwardDelivery, stripsCredentials } from '../core/listen/forward-delivery.js';
import { ListenTally } from '../core/listen/listen-tally.js';
import type { ListenEntry, ListenOptions, ListenStart, ListenSummary } from '../core/listen/listen-types.js';
import { respondSequence } from '../core/listen/respond-sequence.js';
import { serveRequests } from '../core/listen/serve-requests.js';
import { certificateNotice } from '../core/listen/certificate-notice.js';
import { readTlsPair } from '../core/listen/tls-pair.js';
import { provideValidators } from '../core/validate/provide-validators.js';
import { selectProxy, type ProxyEndpoint, type ProxySettings } from '../core/net/select-proxy.js';
import type { KeyFetch } from '../core/listen/issuer-keys.js';
import { guardKeyFetch } from '../core/listen/guard-key-fetch.js';
import { pinClearTextRoute, type PinnedHosts } from '../core/net/clear-text-route.js';
import { refuseForwardingToSelf } from '../core/listen/forward-loop.js';
import { proxySettingsOf, trustedCasOf } from './command-deps.js';
import type { CommandContext } from './context.js';
import { count } from '../core/text/count.js';

export type { ListenEntry, ListenOptions, ListenStart, ListenSummary } from '../core/listen/listen-types.js';

export interface ListenHooks {
  /** Aborted by the CLI on Ctrl-C or SIGTERM. */
  stop: AbortSignal;
  onStart(start: ListenStart): void;
  onEntry(entry: ListenEntry): void;
}

/** Errors listed per delivery, as validate's default --max-errors. */
const MAX_ERRORS = 20;

/**
 * Runs the webhook endpoint until stopped and returns the summary. Everything that can stop it
 * from starting (flags, certificate, schema, issuer discovery, port) throws before it listens.
 */
export async function listenCommand(
  o: ListenOptions,
  ctx: CommandContext,
  hooks: ListenHooks,
): Promise<ListenSummary> {
  const checked = checkListenOptions(o);
  const tls = o.http ? undefined : await readTlsPair(o.cert!, o.key!, ctx.cwd);
  const saveDir = o.save === undefined ? undefined : await prepareSaveDir(resolve(ctx.cwd, o.save), ctx);
  const ca = pemsOf(await trustedCasOf(ctx.deps, o.ca, ctx.cwd));
  const proxySettings = proxySettingsOf(ctx.deps, o.proxy);
  const agents: { close(): Promise<void> }[] = [];
  // The issuer's discovery document and keys: through the proxy settings, trusting --ca.
  const keyFetch = async (): Promise<KeyFetch> => {
    // `localhost` is pinned to its loopback addresses once a key URL names it (guardKeyFetch).
    const pins: PinnedHosts = new Map([['localhost', []]]);
    const agent = await createDeliveryAgent({ ca, connections: 4, timeoutMs: o.timeoutMs, pins });
    agents.push(agent);
    const { fetch } = await import('undici');
    const direct = ((url: string, init?: RequestInit) =>
      fetch(url, { ...(init as object), dispatcher: agent })) as unknown as typeof globalThis.fetch;
    const { createProxyFetch } = await import('../core/http/proxy-fetch.js');
    const fetchKeys = createProxyFetch(proxySettings, { ca, timeoutMs: o.timeoutMs, direct }) as KeyFetch;
    return guardKeyFetch(fetchKeys, ctx.deps.lookup, pins);
  };
  const openAgent = async <D extends { close(): Promise<void> }>(opening: Promise<D>) => {
    const agent = await opening;
    agents.push(agent);
    return agent;
  };
  const authCheck = await buildAuthCheck(o, keyFetch);
  const provider = await provideValidators(
    {
      strict: o.strict,
      timeoutMs: o.timeoutMs,
      cwd: ctx.cwd,
      cacheDir: ctx.deps.cacheDir,
      ...(o.spec ? { spec: o.spec } : {}),
    },
    o.type === 'auto' ? undefined : o.type,
  );
  // Compiled now, so the first delivery is not the slow one.
  await Promise.all(
    (o.type === 'auto' ? (['order', 'shipment'] as const) : [o.type]).map((k) => provider.validatorFor(k)),
  );
  const relay = checked.forwardTo ? await openRelay(checked.forwardTo) : undefined;

  async function openRelay(forwardTo: URL) {
    const strip = stripsCredentials(forwardTo);
    // Credentials in clear text to this machine: the connection is pinned to its loopback addresses.
    const pins: PinnedHosts = new Map();
    await pinClearTextRoute(forwardTo, {
      flag: '--forward-to',
      sendsSecret: !strip,
      lookup: ctx.deps.lookup,
      pins,
    });
    const agent = await openAgent(
      createDeliveryAgent({
        ca,
        connections: 64,
        timeoutMs: o.timeoutMs,
        pins,
        ...forwardProxy(forwardTo, proxySettings, !strip),
      }),
    );
    return {
      url: forwardTo.href,
      send: forwardDelivery(forwardTo, agent, o.timeoutMs, ctx.deps.monotonic),
      ...(strip ? { stripsCredentials: true } : {}),
    };
  }

  const tally = new ListenTally();
  // Stopped by Ctrl-C, or here when --forward-to turns out to be this listener itself.
  const stop = new AbortController();
  if (hooks.stop.aborted) stop.abort();
  else hooks.stop.addEventListener('abort', () => stop.abort(), { once: true });
  const serving = await serveRequests(
    {
      ...(tls ? { tls } : {}),
      port: o.port,
      host: o.host,
      timeoutMs: o.timeoutMs,
      ...(o.maxRequests ? { maxRequests: o.maxRequests } : {}),
      stop: stop.signal,
      onEntry: (entry) => {
        tally.add(entry);
        hooks.onEntry(entry);
      },
    },
    {
      authCheck,
      maxBody: o.maxBody,
      check: { type: o.type, maxErrors: MAX_ERRORS, validatorFor: provider.validatorFor },
      ...(relay ? { relay } : {}),
      rejectInvalid: o.rejectInvalid,
      nextStatus: respondSequence(o.respond),
      ...(saveDir ? { saveDir } : {}),
      now: ctx.deps.monotonic,
      wallClock: ctx.deps.wallClock,
      warn: (message) => ctx.warn(message),
      ...(ctx.masker ? { mask: ctx.masker.mask } : {}),
    },
  );
  if (checked.forwardTo) {
    try {
      const bound = new URL(serving.url);
      await refuseForwardingToSelf(
        checked.forwardTo,
        { host: bound.hostname, port: Number(bound.port) },
        ctx.deps.lookup,
      );
    } catch (error) {
      stop.abort();
      await serving.stopped;
      await Promise.all(agents.map((a) => a.close()));
      throw error;
    }
  }
  const notice = tls ? certificateNotice(tls.cert.toString('utf8'), ctx.deps.publicRoots) : undefined;
  hooks.onStart(describeStart(serving.url, o, [...checked.warnings, ...(notice ? [notice] : [])]));
  await serving.stopped;
  await Promise.all(agents.map((a) => a.close()));
  return tally.result();
}

/** The --save folder, created if need be, proven writable, and swept of half-written files of an earlier run. */
async function prepareSaveDir(dir: string, ctx: CommandContext): Promise<string> {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory())
      throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    // Writing is the only proof (permissions, a read-only mount, root on a read-only file system).
    const probe = partialName(join(dir, 'tc-webhook-write-check'));
    await writeFile(probe, '', { flag: 'w' });
    await unlink(probe);
    const swept = await sweepPartialSaves(dir);
    if (swept > 0) ctx.warn(`removed ${count(swept, 'half-written file')} an earlier run left in ${dir}`);
  } catch (error) {
    // mkdir answers EEXIST when a file has the name.
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot use --save ${dir}: ${code === 'EEXIST' ? 'not a directory' : describeFsError(error)}`,
      'Give a directory listen may create files in: a delivery that cannot be saved is answered 503',
    );
  }
  return dir;
}

/** The relay goes through a proxy when one applies (never plain http carrying credentials). */
function forwardProxy(
  url: URL,
  settings: ProxySettings,
  carriesCredentials: boolean,
): { proxy?: ProxyEndpoint } {
  const { proxy } = selectProxy(url, settings, { carriesCredentials });
  return proxy ? { proxy } : {};
}
