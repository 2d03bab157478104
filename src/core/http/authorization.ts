import type { Dispatcher } from 'undici';
import { NetworkError } from '../../errors.js';
import { basicHeader, headerValueProblem, type Credentials } from './auth-credentials.js';
import { createTokenSource, type TokenSource } from './oauth-token.js';

/**
 * The Authorization header value for the next attempt; undefined for --auth none. Only an OAuth
 * token can take a wait: a fixed value is returned as is, sparing each request of a burst a promise.
 */
export type AuthorizationHeader = () => string | undefined | Promise<string | undefined>;

export interface Authorization {
  header: AuthorizationHeader;
  /** The OAuth token cache, to report how many tokens were fetched. */
  tokens?: TokenSource;
}

/**
 * Builds the Authorization header the way Tradecloud sends it. For OAuth the first token is
 * fetched here, before any delivery: without a token nothing can be checked.
 */
export async function prepareAuthorization(
  credentials: Credentials,
  options: {
    /** The token endpoint's connection pool (OAuth 2.0 only). */
    dispatcher: Dispatcher | undefined;
    timeoutMs: number;
    tokenUrl: URL | undefined;
    now: () => number;
    /** Told every access token, so it can be masked in all output. */
    onToken: (token: string) => void;
  },
): Promise<Authorization> {
  switch (credentials.method) {
    case 'none':
      return { header: () => undefined };
    case 'basic': {
      const value = basicHeader(credentials.username, credentials.password);
      return { header: () => value };
    }
    case 'bearer': {
      const value = `Bearer ${credentials.token}`;
      return { header: () => value };
    }
    case 'oauth2': {
      const tokenUrl = options.tokenUrl ?? new URL(credentials.tokenUrl);
      if (!options.dispatcher) throw new Error('OAuth 2.0 needs a connection pool for the token endpoint');
      const tokens = createTokenSource(
        {
          tokenUrl,
          clientId: credentials.clientId,
          clientSecret: credentials.clientSecret,
          scope: credentials.scope,
        },
        { dispatcher: options.dispatcher, timeoutMs: options.timeoutMs, now: options.now },
      );
      const header = async () => {
        const token = await tokens.getToken();
        options.onToken(token);
        const problem = headerValueProblem(token);
        if (problem) {
          throw new NetworkError(
            `the access_token from ${tokenUrl.href} ${problem}`,
            'Check --token-url: it should be an OAuth 2.0 token endpoint',
          );
        }
        return `Bearer ${token}`;
      };
      await header();
      return { header, tokens };
    }
  }
}
