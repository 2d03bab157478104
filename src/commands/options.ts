import type { AuthInput, AuthMethod } from '../core/http/auth-credentials.js';
import type { OrderedLetter } from '../core/tls/grade/grade-types.js';
import type { PayloadFormat, WebhookType } from '../core/requests/payload-request.js';
import type { BodyOverrides } from '../core/payload/body-overrides.js';

/**
 * Option objects, one per command, as src/cli.ts builds them from argv and the environment.
 * Secrets are already resolved here (flag first, then TC_WEBHOOK_* variables).
 */

export type { AuthMethod, PayloadFormat, WebhookType };

export interface NetworkOptions {
  /** Extra PEM CA files added to Node's public root store. */
  ca: string[];
  /** Bound on each network operation, in milliseconds. */
  timeoutMs: number;
  /** --proxy: replaces the proxy variables; '' connects directly. */
  proxy?: string;
}

export type AuthOptions = AuthInput;

/** --documents-api and its companions: the local document API mock a sending command runs. */
export interface DocumentsApiSettings {
  /** Port on 127.0.0.1 (0: any free port). */
  port: number;
  /** --api-username (or TC_WEBHOOK_API_USERNAME): the login the mock accepts. */
  username: string;
  /** --api-password (or TC_WEBHOOK_API_PASSWORD): a secret, masked in every output. */
  password: string;
  /** --link-ttl: a download link expires this many seconds after the metadata call. */
  linkTtlSeconds: number;
  /** doctor's --documents-wait: how long to wait for the download, in seconds. */
  waitSeconds?: number;
}

export interface CheckTlsOptions extends NetworkOptions {
  target: string;
  servername?: string;
  /** For an http:// target, also check https on port 443 of the same host. */
  probeHttps: boolean;
  /** Add the SSL Labs-style grade (`--grade`; implied by `--min-grade`). */
  grade?: boolean;
  /** A grade below this one fails the run (`--min-grade`). */
  minGrade?: OrderedLetter;
}

export interface SampleOptions {
  type?: WebhookType;
  /** --event: sample prints one payload, for the first name (it says so when given several). */
  events?: string[];
  format: PayloadFormat;
  seed?: number;
  /** --overlay and --set, applied to the generated body. */
  overrides?: BodyOverrides;
}

export interface SendSampleOptions extends NetworkOptions, AuthOptions {
  url: string;
  type?: WebhookType;
  /** --event (or --events): names, each sent with its own webhook type unless --type is given. */
  events?: string[];
  all: boolean;
  format: PayloadFormat;
  files: string[];
  seed?: number;
  count: number;
  concurrency: number;
  retry: boolean;
  maxRetries: number;
  /** First back-off delay in ms; doubles each retry (tests shrink it). */
  retryBaseMs: number;
  /** The longest back-off delay with --retry. */
  retryCapMs?: number;
  /** No retry starts once a delivery would outlast this many ms. */
  maxRetryTimeMs?: number;
  /** Each request is delivered this many more times, byte for byte (--redeliver). */
  redeliver?: number;
  dryRun: boolean;
  /** --overlay and --set, applied to generated bodies. */
  overrides?: BodyOverrides;
  /** Size limit of each --file input, in bytes. */
  maxBytes?: number;
  /** --documents-api: run the document API mock for the run and report what the integration fetched. */
  documentsApi?: DocumentsApiSettings;
}

export interface ValidateOptions {
  files: string[];
  type: 'auto' | 'order' | 'shipment';
  spec?: string;
  strict: boolean;
  timeoutMs: number;
  /** Errors listed per file before the rest are only counted. */
  maxErrors: number;
  /** Size limit of each input (payloads, stdin, the spec and its $refs), in bytes. */
  maxBytes: number;
  /** --proxy for a --spec URL: replaces the proxy variables; '' connects directly. */
  proxy?: string;
  /** --only-failed: list only files with an error or a warning (the summary still counts every file). */
  onlyFailed?: boolean;
}

export interface DoctorOptions extends NetworkOptions, AuthOptions {
  url: string;
  types: WebhookType[];
  format: PayloadFormat;
  events?: string[];
  servername?: string;
  /** Latency above which a delivery is a warning. */
  slowMs: number;
  yes: boolean;
  /** --overlay and --set, applied to the generated bodies. */
  overrides?: BodyOverrides;
  /** --retry and its limits, for the deliveries (never the authentication probes). */
  retry?: boolean;
  maxRetries?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  maxRetryTimeMs?: number;
  /** --documents-api: send an order-documents event and check the integration downloads its documents. */
  documentsApi?: DocumentsApiSettings;
}

export interface ScenarioOptions extends NetworkOptions, AuthOptions {
  url: string;
  /** A built-in scenario name or a scenario file; default order-lifecycle. */
  scenario: string;
  format: PayloadFormat;
  seed?: number;
  yes: boolean;
  retry: boolean;
  maxRetries: number;
  retryBaseMs: number;
  /** The longest back-off delay with --retry. */
  retryCapMs?: number;
  /** No retry starts once a delivery would outlast this many ms. */
  maxRetryTimeMs?: number;
  /** Each step's body is delivered this many more times, byte for byte. */
  redeliver: number;
  /** --documents-api: run the document API mock and report what the integration fetched. */
  documentsApi?: DocumentsApiSettings;
}
