import { X509Certificate } from 'node:crypto';
import { assessClientCertificate } from './assess-client-certificate.js';
import { assessChain, assessSelfSigned, assessTrusted } from './assess-trust.js';
import { assessHostname, assessKey, assessSignature, assessValidity } from './assess-certificate.js';
import { assessHttps, assessLegacy, assessModern } from './assess-protocols.js';
import { check, TLS_CHECK_IDS, type CertificateContext, type TlsCheck } from './assess-types.js';
import {
  describeCertificate,
  formatName,
  type CertificateFacts,
  type ChainEntry,
} from './certificate-facts.js';
import type { ProbeResult } from './probe-types.js';
import type { AnchorIndex } from './trust-anchors.js';
import { buildTrustPath, type TrustPath } from './trust-path.js';

export interface AssessTlsInput {
  https: boolean;
  /** The name Tradecloud will call: --servername, else the target's host. */
  identityHost: string;
  /** Null when nothing was probed (an http:// target without --probe-https). */
  probe: ProbeResult | null;
  anchors: AnchorIndex;
  hasExtraCa: boolean;
  now: Date;
}

export interface AssessTlsResult {
  ok: boolean;
  checks: TlsCheck[];
  certificate: CertificateFacts | null;
  chain: ChainEntry[];
  /**
   * Set when the chain verifies only to a root from --ca or NODE_EXTRA_CA_CERTS: this machine trusts
   * it, Tradecloud (public roots only) would not.
   */
  privateTrust?: { source: string; file?: string; root: string };
}

const CERT_CHECKS = [
  ['cert.trusted', assessTrusted],
  ['cert.self-signed', assessSelfSigned],
  ['cert.hostname', assessHostname],
  ['cert.validity', assessValidity],
  ['cert.chain', assessChain],
  ['cert.key', assessKey],
  ['cert.signature', assessSignature],
] as const;

/** Probe result + clock → the checks of TLS_CHECK_IDS, in that order, `skip` where one cannot run. */
export function assessTls(input: AssessTlsInput): AssessTlsResult {
  const { probe } = input;
  const checks: TlsCheck[] = [assessHttps(input.https)];
  if (!probe) {
    const why = 'not checked: the target is not https (add --probe-https to check port 443 of the same host)';
    for (const id of TLS_CHECK_IDS.slice(1)) checks.push(check(id, 'skip', why));
    return finish(checks, null, []);
  }
  checks.push(assessModern(probe), assessLegacy(probe));
  const served = probe.servedChain.map((der) => new X509Certificate(der));
  const leaf = served[0];
  const chain = served.map((c) => ({ subject: formatName(c.subject), issuer: formatName(c.issuer) }));
  if (!leaf) {
    const why = 'no certificate to inspect: no TLS handshake succeeded';
    for (const [id] of CERT_CHECKS) checks.push(check(id, 'skip', why));
    checks.push(assessClientCertificate(probe));
    return finish(checks, null, chain);
  }
  const facts = describeCertificate(leaf, input.now);
  let path: TrustPath | undefined;
  const context: CertificateContext = {
    served,
    leaf,
    facts,
    identityHost: input.identityHost,
    now: input.now,
    verification: probe.verification,
    anchors: input.anchors,
    hasExtraCa: input.hasExtraCa,
    trustPath: () => (path ??= buildTrustPath(served, input.anchors)),
  };
  for (const [, assess] of CERT_CHECKS) checks.push(assess(context));
  checks.push(assessClientCertificate(probe));
  const result = finish(checks, facts, chain);
  const trust = context.trustPath();
  const trusted = checks.find((c) => c.id === 'cert.trusted')?.status === 'pass';
  if (trusted && trust.kind === 'trusted' && trust.anchor.source !== 'public') {
    const { source, file, cert } = trust.anchor;
    result.privateTrust = { source, ...(file ? { file } : {}), root: formatName(cert.subject) };
  }
  return result;
}

function finish(
  checks: TlsCheck[],
  certificate: CertificateFacts | null,
  chain: ChainEntry[],
): AssessTlsResult {
  return { ok: !checks.some((c) => c.status === 'fail'), checks, certificate, chain };
}
