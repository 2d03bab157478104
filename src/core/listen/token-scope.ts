import type { JWTPayload } from 'jose';

/**
 * Whether a verified token grants `required`: as an application permission in `roles` (what
 * client-credentials tokens from Entra ID carry), or as a delegated scope in `scp` or `scope`
 * (space-separated, or a list).
 */
export function grantsScope(payload: JWTPayload, required: string): boolean {
  return ['roles', 'scp', 'scope'].some((claim) => valuesOf(payload[claim]).includes(required));
}

function valuesOf(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(' ').filter(Boolean);
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string');
  return [];
}
