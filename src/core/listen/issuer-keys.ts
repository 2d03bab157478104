import type { JWTVerifyGetKey } from 'jose';
import { USER_AGENT } from '../net/user-agent.js';
import { failureWordsOf } from '../net/failure-words.js';
import { NetworkError, UsageError } from '../../errors.js';
import { keyUrlProblem } from './key-url.js';
import type { IssuerAudiences } from './oauth2-auth-check.js';

/** A fetch that trusts the --ca files (undici's, with the project's delivery agent). */
export type KeyFetch = (
  url: string,
  init: { headers?: Record<string, string>; signal?: AbortSignal; method?: string },
) => Promise<Response>;

export interface IssuerKeysOptions {
  issuers: string[];
  audiences: string[];
  jwksUrl?: string;
  fetch: KeyFetch;
  timeoutMs: number;
}

/**
 * --issuer and --audience pair up by position when as many of each are given (Entra ID: the v1
 * issuer with the App ID URI, the v2 issuer with the client id); a single one of either applies to
 * every one of the other.
 */
export function pairIssuers(issuers: string[], audiences: string[]): IssuerAudiences {
  if (issuers.length === 0 || audiences.length === 0) {
    throw new UsageError(
      '--auth oauth2 needs --issuer and --audience',
      'e.g. --issuer https://login.microsoftonline.com/<tenant>/v2.0 --audience <client id>',
    );
  }
  const accepted: IssuerAudiences = new Map();
  if (issuers.length === audiences.length)
    issuers.forEach((iss, i) => accepted.set(iss, [...(accepted.get(iss) ?? []), audiences[i]!]));
  else if (issuers.length === 1) accepted.set(issuers[0]!, audiences);
  else if (audiences.length === 1) for (const iss of issuers) accepted.set(iss, audiences);
  else {
    throw new UsageError(
      `${issuers.length} --issuer and ${audiences.length} --audience values cannot be paired`,
      'Give one --audience per --issuer (in the same order), or a single --audience for all issuers',
    );
  }
  return accepted;
}

/**
 * The key set of each issuer: --jwks-url for all, or each issuer's own, found through its OpenID
 * discovery document (https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig).
 * Discovery runs at start-up so an unreachable issuer stops listen before any delivery.
 */
export async function loadIssuerKeys(
  options: IssuerKeysOptions,
): Promise<(issuer: string) => JWTVerifyGetKey> {
  const { createRemoteJWKSet, customFetch } = await import('jose');
  const sets = new Map<string, JWTVerifyGetKey>();
  const setFor = (url: string): JWTVerifyGetKey => {
    let set = sets.get(url);
    if (!set) {
      set = createRemoteJWKSet(new URL(url), {
        timeoutDuration: options.timeoutMs,
        [customFetch]: options.fetch as never,
      });
      sets.set(url, set);
    }
    return set;
  };
  const byIssuer = new Map<string, JWTVerifyGetKey>();
  for (const issuer of new Set(options.issuers)) {
    byIssuer.set(issuer, setFor(options.jwksUrl ?? (await discoverJwksUri(issuer, options))));
  }
  return (issuer) => byIssuer.get(issuer)!;
}

async function discoverJwksUri(issuer: string, options: IssuerKeysOptions): Promise<string> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: { jwks_uri?: unknown };
  try {
    const response = await options.fetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { accept: 'application/json', 'user-agent': USER_AGENT },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as { jwks_uri?: unknown };
  } catch (error) {
    const why = failureWordsOf(error);
    throw new NetworkError(
      `cannot read the OpenID discovery document of issuer ${issuer} (${url}): ${why}`,
      'Check --issuer, or give the key set directly with --jwks-url; trust a private CA with --ca',
    );
  }
  if (typeof document.jwks_uri !== 'string') {
    throw new NetworkError(
      `the discovery document ${url} has no jwks_uri`,
      'Give the key set with --jwks-url',
    );
  }
  const problem = keyUrlProblem(document.jwks_uri);
  if (problem) {
    throw new UsageError(
      `the discovery document ${url} names jwks_uri ${document.jwks_uri}, which ${problem}`,
      'Signing keys fetched in clear text could be replaced on the way: the issuer must publish its keys over https (or give --jwks-url)',
    );
  }
  return document.jwks_uri;
}
