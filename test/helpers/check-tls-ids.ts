/** The contract's check-tls ids, written out rather than imported: the output is held to the contract, not to the code. */
export const CHECK_TLS_IDS = [
  'https',
  'tls.modern',
  'tls.legacy',
  'cert.trusted',
  'cert.self-signed',
  'cert.hostname',
  'cert.validity',
  'cert.chain',
  'cert.key',
  'cert.signature',
  'tls.client-cert',
] as const;
