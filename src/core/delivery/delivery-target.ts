import { resolveCredentials, secretsOf, type AuthInput, type Credentials } from '../http/auth-credentials.js';
import type { SecretMasker } from '../http/mask-secrets.js';
import { parseTargetUrl } from '../net/target-url.js';

export interface DeliveryTarget {
  url: URL;
  /** The OAuth 2.0 token endpoint, for client credentials. */
  tokenUrl: URL | undefined;
  credentials: Credentials;
  /** Tradecloud facts about the URL (plain http), for stderr and the report. */
  warnings: string[];
}

/**
 * The webhook URL and credentials of a run, checked against the transport rules (https, or plain
 * http with credentials only to this machine); every secret is handed to the masker first, so no
 * error that follows can show one.
 */
export function resolveDeliveryTarget(url: string, auth: AuthInput, masker: SecretMasker): DeliveryTarget {
  const credentials = resolveCredentials(auth);
  masker.add(...secretsOf(credentials));
  const target = parseTargetUrl(url, {
    what: 'the webhook URL',
    flag: 'url',
    sendsSecret: credentials.method !== 'none',
  });
  const tokenUrl =
    credentials.method === 'oauth2'
      ? parseTargetUrl(credentials.tokenUrl, { what: '--token-url', flag: '--token-url', sendsSecret: true })
          .url
      : undefined;
  return { url: target.url, tokenUrl, credentials, warnings: target.warnings };
}
