import type { BodyKind } from '../schema/body-schema-types.js';
import type { PayloadFormat } from '../validate/detect-format.js';
import type { PayloadIssue } from '../validate/payload-result.js';

export type ListenAuthMethod = 'none' | 'basic' | 'bearer' | 'oauth2';

/** What `listen` was asked to do, as the CLI resolved it (secrets already taken from flags or variables). */
export interface ListenOptions {
  /** PEM files; absent with `http`. */
  cert?: string;
  key?: string;
  http: boolean;
  port: number;
  /** --proxy for --forward-to and the issuer's keys: replaces the proxy variables; '' = none. */
  proxy?: string;
  host: string;
  auth: ListenAuthMethod;
  /** The credential flags `auth` was inferred from, when --auth was absent. */
  inferredFrom?: string[];
  /** TC_WEBHOOK_* variables set but not used (variables alone never switch auth on). */
  ignoredVariables?: string[];
  username?: string;
  password?: string;
  token?: string;
  issuers: string[];
  audiences: string[];
  jwksUrl?: string;
  scope?: string;
  type: 'auto' | BodyKind;
  spec?: string;
  strict: boolean;
  respond: number[];
  rejectInvalid: boolean;
  forwardTo?: string;
  save?: string;
  maxRequests?: number;
  maxBody: number;
  ca: string[];
  timeoutMs: number;
}

/** One answered request: a line of human output, or one NDJSON object. Fields that do not apply are absent. */
export interface ListenEntry {
  seq: number;
  receivedAt: string;
  method: string;
  path: string;
  auth?: { ok: boolean; scheme: string; reason?: string };
  eventName?: string;
  type?: BodyKind;
  format?: PayloadFormat;
  bytes?: number;
  valid?: boolean;
  errors?: PayloadIssue[];
  warnings?: PayloadIssue[];
  moreErrors?: number;
  status: number;
  /** Why the request was refused before validation (405, 413, a body that could not be read). */
  note?: string;
  forwarded?: {
    url: string;
    status?: number;
    durationMs: number;
    error?: string;
    /** Authorization, Proxy-Authorization and Cookie were removed: a plain-http target that is not this machine. */
    credentialsRemoved?: true;
  };
  savedAs?: string;
  durationMs: number;
}

/** Printed on stderr when listen stops; `ok` is false when any delivery was invalid. */
export interface ListenSummary {
  ok: boolean;
  requests: number;
  deliveries: number;
  valid: number;
  invalid: number;
  authFailures: number;
  /** 405, 413 and bodies that could not be read. */
  refused: number;
  events: Record<string, number>;
}

/** What the start-up line on stderr says. */
export interface ListenStart {
  url: string;
  auth: string;
  policy: string;
  warnings: string[];
}
