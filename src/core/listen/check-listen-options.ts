import { UsageError } from '../../errors.js';
import { isLoopbackHost, parseTargetUrl } from '../http/target-url.js';
import type { ListenOptions } from './listen-types.js';

/** Flag combinations that cannot work, refused before anything listens; returns start-up warnings. */
export function checkListenOptions(o: ListenOptions): { forwardTo?: URL; warnings: string[] } {
  const warnings: string[] = [];
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
  let forwardTo: URL | undefined;
  if (o.forwardTo !== undefined) {
    forwardTo = parseTargetUrl(o.forwardTo, {
      what: '--forward-to',
      flag: '--forward-to',
      sendsSecret: o.auth !== 'none',
    }).url;
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
  if (o.auth !== 'oauth2') return;
  if (o.issuers.length === 0 || o.audiences.length === 0) need('--issuer and --audience');
  for (const issuer of o.issuers) {
    if (!/^https:\/\//i.test(issuer) && !/^http:\/\/(localhost|127\.|\[::1\])/i.test(issuer)) {
      throw new UsageError(
        `--issuer ${issuer} is not an https:// URL`,
        'Give the issuer exactly as tokens carry it, e.g. https://login.microsoftonline.com/<tenant>/v2.0',
      );
    }
  }
  if (
    o.jwksUrl !== undefined &&
    !/^https:\/\//i.test(o.jwksUrl) &&
    !/^http:\/\/(localhost|127\.|\[::1\])/i.test(o.jwksUrl)
  ) {
    throw new UsageError(
      `--jwks-url ${o.jwksUrl} is not an https:// URL`,
      "Signing keys fetched in clear text could be replaced on the way; give the issuer's https:// jwks_uri",
    );
  }
  if (o.scope?.endsWith('/.default')) {
    throw new UsageError(
      `--scope ${o.scope}: a scope ending in /.default is what a client asks the token endpoint for, never a claim in the token`,
      'Give the app role (roles claim, what client-credentials tokens carry) or the delegated scope (scp) the token must hold, e.g. --scope Webhook.Deliver',
    );
  }
}
