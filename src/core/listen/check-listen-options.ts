import { UsageError } from '../../errors.js';
import { isLoopbackHost } from '../net/loopback.js';
import { parseTargetUrl } from '../net/target-url.js';
import { keyUrlProblem } from './key-url.js';
import { stripsCredentials } from './forward-delivery.js';
import { headerValueProblem } from '../http/auth-credentials.js';
import { ignoredVariablesNote } from '../http/infer-auth.js';
import type { ListenOptions } from './listen-types.js';

/** Flag combinations that cannot work, refused before anything listens; returns start-up warnings. */
export function checkListenOptions(o: ListenOptions): { forwardTo?: URL; warnings: string[] } {
  const warnings: string[] = [];
  if (o.host.trim() === '') {
    // Node would bind every interface for an empty host: that must be asked for explicitly.
    throw new UsageError(
      '--host is empty',
      'Give the address to listen on: 127.0.0.1 (this machine only), or 0.0.0.0 or :: for every interface',
    );
  }
  if (o.http && (o.cert || o.key)) {
    throw new UsageError(
      '--http serves plain HTTP, so --cert and --key do not apply',
      'Give either --cert and --key, or --http',
    );
  }
  if (!o.http && (!o.cert || !o.key)) {
    const missing = !o.cert && !o.key ? '--cert and --key' : !o.cert ? '--cert' : '--key';
    throw new UsageError(
      `listen needs ${missing} (HTTPS, as Tradecloud calls it) or --http`,
      'Give the certificate chain and key of a host name with a publicly trusted certificate, or --http behind a TLS-terminating tunnel or reverse proxy; for local tests, tc-webhook dev-cert makes a test CA and a certificate for localhost',
    );
  }
  if (o.http) {
    warnings.push(
      'serving plain HTTP: Tradecloud only calls https:// URLs, so put a TLS-terminating tunnel or reverse proxy in front',
    );
  }
  if (o.http && o.auth !== 'none' && !isLoopbackHost(o.host)) {
    warnings.push(
      `credentials will arrive in clear text on ${o.host}; keep the plain HTTP side on a private network`,
    );
  }
  checkAuthFlags(o);
  const ignored = ignoredVariablesNote(o.ignoredVariables ?? [], o.auth);
  if (ignored) warnings.push(ignored);
  let forwardTo: URL | undefined;
  if (o.forwardTo !== undefined) {
    // Credentials never cross the network in clear text: to a plain-http target that is not this
    // machine they are removed (forward-delivery.ts), so such a target is allowed.
    forwardTo = parseTargetUrl(o.forwardTo, {
      what: '--forward-to',
      flag: '--forward-to',
      sendsSecret: false,
    }).url;
    if (stripsCredentials(forwardTo)) {
      warnings.push(
        `--forward-to ${forwardTo.origin} is plain http and not this machine: Authorization, Proxy-Authorization and Cookie are removed from every forwarded request`,
      );
    }
  }
  if (o.forwardTo !== undefined && o.respond.length > 0) {
    warnings.push('--respond is ignored with --forward-to: the forwarded endpoint answers');
  }
  return { ...(forwardTo ? { forwardTo } : {}), warnings };
}

function checkAuthFlags(o: ListenOptions): void {
  const need = (what: string) => {
    throw new UsageError(
      `--auth ${o.auth} needs ${what}`,
      'Secrets are best passed through the environment variables, which stay out of your shell history',
    );
  };
  if (o.auth === 'basic' && (!o.username || !o.password)) {
    need(
      [
        !o.username ? '--username (or TC_WEBHOOK_USERNAME)' : '',
        !o.password ? '--password (or TC_WEBHOOK_PASSWORD)' : '',
      ]
        .filter(Boolean)
        .join(' and '),
    );
  }
  if (o.auth === 'bearer' && !o.token) need('--token (or TC_WEBHOOK_TOKEN)');
  checkMatchableCredentials(o);
  if (o.auth !== 'oauth2') return;
  if (o.issuers.length === 0 || o.audiences.length === 0) need('--issuer and --audience');
  for (const issuer of o.issuers) {
    // Without --jwks-url the issuer's discovery document is fetched: https only, as the keys.
    const problem = keyUrlProblem(issuer);
    if (problem) {
      throw new UsageError(
        `--issuer ${issuer} ${problem}`,
        'Give the issuer exactly as tokens carry it, e.g. https://login.microsoftonline.com/<tenant>/v2.0; plain http only for an issuer on this machine (localhost, 127.0.0.1, ::1)',
      );
    }
  }
  const jwksProblem = o.jwksUrl === undefined ? undefined : keyUrlProblem(o.jwksUrl);
  if (jwksProblem) {
    throw new UsageError(
      `--jwks-url ${o.jwksUrl} ${jwksProblem}`,
      "Signing keys fetched in clear text could be replaced on the way; give the issuer's https:// jwks_uri (plain http only on this machine: localhost, 127.0.0.1, ::1)",
    );
  }
  if (o.scope?.endsWith('/.default')) {
    throw new UsageError(
      `--scope ${o.scope}: a scope ending in /.default is what a client asks the token endpoint for, never a claim in the token`,
      'Give the app role (roles claim, what client-credentials tokens carry) or the delegated scope (scp) the token must hold, e.g. --scope Webhook.Deliver',
    );
  }
}

/** RFC 6750 §2.1 b64token: the only form a bearer token can take in an Authorization header. */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Credentials no request could ever match are refused at start-up, by the rules send-sample
 * applies to what it sends: a token outside RFC 6750's characters, a user name with a colon
 * (RFC 7617 §2), a control character in any of them.
 */
function checkMatchableCredentials(o: ListenOptions): void {
  if (o.auth === 'bearer' && o.token !== undefined && !TOKEN68.test(o.token)) {
    const problem = headerValueProblem(o.token) ?? 'has characters a bearer token cannot carry';
    throw new UsageError(
      `--token (or TC_WEBHOOK_TOKEN) ${problem}: no request could ever match it`,
      'A bearer token is letters, digits and - . _ ~ + / (RFC 6750), optionally ending in =',
    );
  }
  if (o.auth !== 'basic') return;
  if (o.username?.includes(':')) {
    throw new UsageError(
      '--username cannot contain ":" in basic authentication: no request could ever match it',
      'See RFC 7617 section 2',
    );
  }
  for (const [name, value] of [
    ['--username (or TC_WEBHOOK_USERNAME)', o.username],
    ['--password (or TC_WEBHOOK_PASSWORD)', o.password],
  ] as const) {
    // eslint-disable-next-line no-control-regex
    if (value !== undefined && /[\u0000-\u001f\u007f]/.test(value)) {
      throw new UsageError(`${name} contains a control character (a stray newline?)`, 'Remove it and retry');
    }
  }
}
