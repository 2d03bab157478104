import type { Credentials } from '../http/auth-credentials.js';
import type { PayloadFormat, PayloadRequest, WebhookType } from '../requests/payload-request.js';

export interface DryRunRequest {
  method: 'POST';
  url: string;
  event: string;
  type: WebhookType | null;
  format: PayloadFormat;
  file?: string;
  /** Secrets shown as `***`. */
  headers: Record<string, string>;
  body: string;
}

export interface DryRunTokenRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  /** The form, with the client secret shown as `***`. */
  body: string;
}

/** What would be sent, with every secret masked; nothing is sent, not even the token request. */
export function describeDryRun(options: {
  url: URL;
  credentials: Credentials;
  tokenUrl: URL | undefined;
  requests: PayloadRequest[];
  mask: (text: string) => string;
}): { token?: DryRunTokenRequest; requests: DryRunRequest[] } {
  const { credentials } = options;
  const authorization =
    credentials.method === 'basic' ? 'Basic ***' : credentials.method === 'none' ? undefined : 'Bearer ***';
  const requests = options.requests.map((r): DryRunRequest => ({
    method: 'POST',
    url: options.url.href,
    event: r.event,
    type: r.type,
    format: r.format,
    ...(r.file ? { file: r.file } : {}),
    headers: { 'Content-Type': r.contentType, ...(authorization ? { Authorization: authorization } : {}) },
    body: options.mask(typeof r.body === 'string' ? r.body : r.body.toString('utf8')),
  }));
  if (credentials.method !== 'oauth2' || !options.tokenUrl) return { requests };
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId });
  // Appended by hand so the mask stays readable instead of being form-encoded.
  let body = `${form.toString()}&client_secret=***`;
  if (credentials.scope) body += `&${new URLSearchParams({ scope: credentials.scope }).toString()}`;
  return {
    token: {
      method: 'POST',
      url: options.tokenUrl.href,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    },
    requests,
  };
}
