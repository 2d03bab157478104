import { recognizeMicrosoftAuthority } from '../http/oauth-authority.js';
import type { DoctorCheck } from './doctor-types.js';

export interface ConfigFacts {
  types: readonly string[];
  format: string;
  auth: string;
  tokenUrl?: string;
}

/**
 * Combinations the Tradecloud portal cannot be set up with (docs/webhook-payloads.md §1.1, §1.3): no OAuth and no tXML
 * for the Shipments Webhook Integration. A non-Microsoft OAuth authority is only a warning here,
 * since a local identity provider is a fair stand-in while testing; it will not work from Tradecloud.
 */
export function assessConfig(facts: ConfigFacts): DoctorCheck {
  const failures: string[] = [];
  const fixes: string[] = [];
  if (facts.types.includes('shipment') && facts.auth === 'oauth2') {
    failures.push('Tradecloud offers no OAuth 2.0 for shipment webhooks');
    fixes.push('use basic authentication or a bearer token for the shipment webhook');
  }
  if (facts.types.includes('shipment') && facts.format === 'txml') {
    failures.push('Tradecloud sends shipment webhooks as JSON only, never tXML');
    fixes.push('accept JSON for the shipment webhook (check it with --format json)');
  }
  if (failures.length > 0) {
    return {
      id: 'config',
      title: 'Configuration',
      status: 'fail',
      message: failures.join('; '),
      fix: fixes.join('; '),
    };
  }
  if (facts.auth === 'oauth2' && facts.tokenUrl && !isMicrosoftAuthority(facts.tokenUrl)) {
    return {
      id: 'config',
      title: 'Configuration',
      status: 'warn',
      message: `${new URL(facts.tokenUrl).origin} is not a Microsoft identity platform authority`,
      fix:
        "Tradecloud's OAuth client only works with Microsoft Entra ID, ADFS or Azure AD B2C token endpoints; " +
        'use basic authentication or a bearer token with other identity providers',
    };
  }
  return {
    id: 'config',
    title: 'Configuration',
    status: 'pass',
    message: `${facts.types.join(', ')} webhook in ${facts.format === 'txml' ? 'tXML' : 'JSON'} with ${authName(facts.auth)} can be set up in the Tradecloud portal`,
  };
}

function isMicrosoftAuthority(tokenUrl: string): boolean {
  try {
    return recognizeMicrosoftAuthority(new URL(tokenUrl)) !== undefined;
  } catch {
    return false;
  }
}

export function authName(auth: string): string {
  switch (auth) {
    case 'basic':
      return 'basic authentication';
    case 'bearer':
      return 'a bearer token';
    case 'oauth2':
      return 'OAuth 2.0 client credentials';
    default:
      return 'no authentication';
  }
}
