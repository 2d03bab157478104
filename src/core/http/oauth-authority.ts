/**
 * Tradecloud's OAuth client is MSAL4J: only Microsoft identity platform authorities work
 * (Entra ID, ADFS, Azure AD B2C), recognised the way MSAL recognises them, from the URL.
 * See the Tradecloud webhook configuration docs, "OAuth".
 */
const ENTRA_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
  'login.microsoft.com',
  'login.windows.net',
  'sts.windows.net',
]);

export type MicrosoftAuthority = 'entra-id' | 'adfs' | 'b2c';

export function recognizeMicrosoftAuthority(tokenUrl: URL): MicrosoftAuthority | undefined {
  const host = tokenUrl.hostname.toLowerCase();
  const segments = tokenUrl.pathname.toLowerCase().split('/');
  if (host.endsWith('.b2clogin.com') || segments.includes('tfp')) return 'b2c';
  if (segments.includes('adfs')) return 'adfs';
  if (ENTRA_HOSTS.has(host) || host.endsWith('.ciamlogin.com')) return 'entra-id';
  return undefined;
}

/** Warnings about what Tradecloud offers, for the chosen auth method and webhook types. */
export function tradecloudAuthWarnings(options: {
  method: string;
  tokenUrl?: URL;
  types: readonly string[];
  formats: readonly string[];
}): string[] {
  const warnings: string[] = [];
  if (options.method === 'oauth2' && options.types.includes('shipment')) {
    warnings.push(
      'Tradecloud does not offer OAuth for shipment webhooks: configure basic or bearer authentication there',
    );
  }
  if (options.types.includes('shipment') && options.formats.includes('txml')) {
    warnings.push('Tradecloud does not offer tXML for shipment webhooks: shipments are always sent as JSON');
  }
  if (options.tokenUrl && !recognizeMicrosoftAuthority(options.tokenUrl)) {
    warnings.push(
      `${options.tokenUrl.origin} is not a Microsoft identity platform authority (Entra ID, ADFS or Azure AD B2C): ` +
        "Tradecloud's OAuth client only works with those; use basic or bearer authentication for other identity providers",
    );
  }
  return warnings;
}
