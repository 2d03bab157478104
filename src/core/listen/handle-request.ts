import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PayloadCheckOptions } from '../validate/validate-json-payload.js';
import type { AuthCheck } from '../serve/auth-outcome.js';
import type { Relay } from './forward-delivery.js';
import { cameThroughListener, VIA } from './forward-loop.js';
import { judgeDelivery } from './judge-delivery.js';
import type { ListenEntry } from './listen-types.js';
import { loggablePath } from '../serve/loggable-path.js';
import { readCappedBody } from './read-capped-body.js';
import { saveDelivery } from './save-delivery.js';
import { type Answer, jsonAnswer, sendAnswer } from './send-answer.js';

export interface RequestPolicy {
  authCheck: AuthCheck;
  maxBody: number;
  check: PayloadCheckOptions;
  /** `stripsCredentials`: Authorization, Proxy-Authorization and Cookie are not forwarded (clear text). */
  relay?: { url: string; send: Relay; stripsCredentials?: boolean };
  rejectInvalid: boolean;
  nextStatus: () => number;
  saveDir?: string;
  /** Monotonic milliseconds, and wall-clock milliseconds for receivedAt. */
  now: () => number;
  wallClock: () => number;
  /** Whether listen is stopping (answers then close their connection). */
  stopping: () => boolean;
  warn: (message: string) => void;
  /** The run's secret masker, for what is written besides the log (saved file names). */
  mask?: (text: string) => string;
}

/**
 * One request, decided in the documented order: not POST → 405; authentication → 401/403; body
 * over --max-body → 413; then parse and validate; then the answer: --forward-to, else 400 under
 * --reject-invalid for an invalid delivery, else the --respond sequence. Under --save, a delivery is
 * saved before it is forwarded or answered, and one that cannot be saved is answered 503.
 */
export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  seq: number,
  policy: RequestPolicy,
): Promise<ListenEntry> {
  const started = policy.now();
  const entry: ListenEntry = {
    seq,
    receivedAt: new Date(policy.wallClock()).toISOString(),
    method: req.method ?? '',
    path: loggablePath(req.url ?? ''),
    status: 0,
    durationMs: 0,
  };
  const answer = await decide(req, entry, policy);
  if (policy.stopping()) answer.close = true;
  sendAnswer(res, answer);
  entry.status = answer.status;
  entry.durationMs = Math.round((policy.now() - started) * 10) / 10;
  return entry;
}

async function decide(req: IncomingMessage, entry: ListenEntry, policy: RequestPolicy): Promise<Answer> {
  if (req.method !== 'POST') {
    entry.note = 'method not allowed: Tradecloud only POSTs';
    return {
      ...jsonAnswer(405, { error: 'method not allowed', allow: 'POST' }, true),
      headers: { allow: 'POST' },
    };
  }
  const auth = await policy.authCheck(req.headers.authorization);
  entry.auth = auth.ok
    ? { ok: true, scheme: auth.scheme }
    : { ok: false, scheme: auth.scheme, reason: auth.reason };
  if (!auth.ok) {
    const error = auth.status === 403 ? 'insufficient_scope' : 'unauthorized';
    return { ...jsonAnswer(auth.status, { error }, true), headers: { 'www-authenticate': auth.challenge } };
  }
  if (policy.relay && cameThroughListener(req.headers.via)) {
    // Forwarded by a tc-webhook listener already: forwarding again would go round for ever.
    entry.note = 'forwarding loop: the request already came through tc-webhook (Via); not forwarded';
    return jsonAnswer(508, { error: 'loop detected', via: VIA }, true);
  }
  const read = await readCappedBody(req, policy.maxBody);
  if ('tooLarge' in read) {
    entry.note = `body larger than --max-body ${policy.maxBody} bytes`;
    return jsonAnswer(413, { error: 'payload too large', maxBytes: policy.maxBody }, true);
  }
  if ('failed' in read) {
    // Node's requestTimeout (--timeout) or the client ended it; Node answers 408 where it still can.
    entry.note = `body not received: ${read.failed}`;
    return jsonAnswer(408, { error: 'body not received' }, true);
  }
  const { body } = read;
  const contentType = req.headers['content-type'];
  const judged = await judgeDelivery(`#${entry.seq}`, body, contentType, policy.check);
  const { result } = judged;
  Object.assign(entry, {
    ...(judged.eventName === undefined ? {} : { eventName: judged.eventName }),
    ...(result.type === null ? {} : { type: result.type }),
    format: result.format ?? judged.format,
    bytes: body.length,
    valid: result.valid,
    errors: result.errors,
    warnings: result.warnings,
    ...(result.moreErrors ? { moreErrors: result.moreErrors } : {}),
  });
  if (policy.saveDir !== undefined) {
    const saved = await saveDelivery(policy.saveDir, {
      seq: entry.seq,
      // A file name is an output too: a secret in the event name never names a file.
      eventName:
        judged.eventName === undefined || !policy.mask ? judged.eventName : policy.mask(judged.eventName),
      format: entry.format!,
      body,
    });
    if ('failed' in saved) {
      // Acknowledged means kept: a delivery that cannot be saved is answered 503, which Tradecloud
      // retries, and is not forwarded (the forwarded endpoint's 2xx would acknowledge it).
      entry.note = `not saved: ${saved.failed}`;
      policy.warn(
        `delivery #${entry.seq} not saved (answered 503, Tradecloud will retry it): ${saved.failed}`,
      );
      return jsonAnswer(503, { error: 'delivery not saved, try again later' }, true);
    }
    entry.savedAs = saved.savedAs;
  }
  if (policy.relay) {
    const relayed = await policy.relay.send({
      body,
      ...(contentType ? { contentType } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(req.headers.via ? { via: req.headers.via } : {}),
    });
    entry.forwarded = {
      url: policy.relay.url,
      ...(policy.relay.stripsCredentials ? { credentialsRemoved: true as const } : {}),
      durationMs: relayed.durationMs,
      ...(relayed.error ? { error: relayed.error } : { status: relayed.status }),
    };
    return { status: relayed.status, body: relayed.body, contentType: relayed.contentType ?? 'text/plain' };
  }
  if (policy.rejectInvalid && !result.valid) {
    return jsonAnswer(400, { error: 'invalid webhook body', errors: result.errors });
  }
  const status = policy.nextStatus();
  return jsonAnswer(status, { seq: entry.seq, valid: result.valid });
}
