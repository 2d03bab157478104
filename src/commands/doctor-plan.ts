import { UsageError } from '../errors.js';
import type { ForwardCompatBody } from '../core/doctor/behind-door-bodies.js';
import type { GenerateRequestsOptions } from '../core/requests/generated-requests.js';
import type { PayloadRequest } from '../core/requests/payload-request.js';
import type { AuthOptions, DoctorOptions, PayloadFormat, WebhookType } from './options.js';

export interface DoctorPlan {
  /** One generated payload per selected event, per webhook type. */
  deliveries: PayloadRequest[];
  /** A payload no Tradecloud schema allows, to see how the endpoint answers it. */
  invalid: PayloadRequest;
  /** Bodies with something Tradecloud may add any day: unknown fields, a value, an event. */
  forwardCompat: ForwardCompatBody[];
  /** One event, sent twice byte for byte. */
  duplicate: PayloadRequest;
  /** Requests without and with wrong credentials (none when no authentication is configured). */
  probeCount: number;
  total: number;
  /** Overrides (--overlay, --set) that made a generated body invalid. */
  warnings: string[];
}

/** Shipment webhooks are always JSON at Tradecloud (docs/webhook-payloads.md §1.1), whatever the order webhook uses. */
function formatFor(type: WebhookType, format: PayloadFormat): PayloadFormat {
  return type === 'shipment' ? 'json' : format;
}

/** The events to deliver per type: those named with --events that belong to the type, or all of it. */
async function selectDoctorEvents(types: WebhookType[], named: string[] | undefined) {
  const { selectEvents, EVENT_CATALOG } = await import('../core/payload/events.js');
  if (named === undefined) return types.map((type) => selectEvents({ type, all: true }));
  for (const event of named) {
    if (!types.some((type) => EVENT_CATALOG[type].includes(event))) {
      // Let the catalog explain: unknown name (with close matches) or an event of another type.
      selectEvents({ type: types[0], event });
      throw new UsageError(
        `--event: ${event} is not an event of the ${types.join(' or ')} webhook`,
        'Add the matching --type (or leave --type out: it is inferred from the names), or leave the event out',
      );
    }
  }
  return types.map((type) => ({ type, events: named.filter((e) => EVENT_CATALOG[type].includes(e)) }));
}

export async function planDoctor(
  options: DoctorOptions,
  now: Date,
  prepare?: GenerateRequestsOptions['prepare'],
): Promise<DoctorPlan> {
  const { generateRequests } = await import('../core/requests/generated-requests.js');
  const deliveries: PayloadRequest[] = [];
  const warnings: string[] = [];
  const tallies = options.overrides ? await import('../core/payload/override-tally.js') : undefined;
  const overrideTally = tallies?.createOverrideTally();
  for (const { type, events } of await selectDoctorEvents(options.types, options.events)) {
    for (const event of events) {
      deliveries.push(
        ...(await generateRequests({
          type,
          events: [event],
          all: false,
          format: formatFor(type, options.format),
          now,
          overrides: options.overrides,
          ...(overrideTally ? { overrideTally } : {}),
          onWarning: (w) => warnings.push(w),
          ...(prepare ? { prepare } : {}),
        })),
      );
    }
  }
  if (deliveries.length === 0) {
    throw new UsageError(
      '--event selects no event of the chosen webhook types',
      'Check the names and --type',
    );
  }
  // Over the whole run: an override may fit one type's bodies and not another's.
  if (options.overrides && overrideTally) tallies?.checkOverridesApplied(options.overrides, overrideTally);
  const first = deliveries[0]!;
  const probeCount = options.auth === 'none' ? 0 : 2;
  const { forwardCompatBodies, duplicateBody } = await import('../core/doctor/behind-door-bodies.js');
  const like = { type: first.type ?? 'order', event: first.event, format: first.format };
  const forwardCompat = await forwardCompatBodies(like, now);
  return {
    deliveries,
    invalid: invalidPayload(first),
    forwardCompat,
    duplicate: await duplicateBody(like, now),
    probeCount,
    total: probeCount + deliveries.length + 1 + forwardCompat.length + 2,
    warnings,
  };
}

/** Wrong types where the schema wants an object, a string and a list: valid JSON or XML, invalid Tradecloud payload. */
function invalidPayload(like: PayloadRequest): PayloadRequest {
  const field =
    like.type === 'shipment'
      ? 'shipment'
      : like.type === 'order-documents'
        ? 'orderDocumentsEvent'
        : 'orderEvent';
  const body =
    like.format === 'txml'
      ? `<?xml version="1.0" encoding="UTF-8"?>\n<WebhookBody>\n  <eventName>${like.event}</eventName>\n  <${field}>not an object</${field}>\n</WebhookBody>\n`
      : `${JSON.stringify({ eventName: like.event, [field]: { orderId: 12345, id: 12345, lines: 'not a list of lines' } }, null, 2)}\n`;
  return { ...like, event: `${like.event} (invalid payload)`, body };
}

/** The same authentication method with credentials the endpoint cannot know. */
export function wrongCredentials(auth: AuthOptions): AuthOptions {
  switch (auth.auth) {
    case 'basic':
      return { auth: 'basic', username: auth.username, password: 'tc-webhook-wrong-password' };
    case 'bearer':
    case 'oauth2':
      // A made-up access token: what a stranger without the client secret could send.
      return { auth: 'bearer', token: 'tc-webhook-wrong-token' };
    default:
      return { auth: 'none' };
  }
}
