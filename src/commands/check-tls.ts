import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { connect as connectTcp, isIP } from 'node:net';
import { resolve } from 'node:path';
import { connect as connectTls, rootCertificates } from 'node:tls';
import { InputError } from '../errors.js';
import { assessTls } from '../core/tls/assess-tls.js';
import type { TlsGrade } from '../core/tls/grade/grade-types.js';
import type { HstsPolicy } from '../core/tls/grade/hsts-header.js';
import type { TlsCheck } from '../core/tls/assess-types.js';
import type { CertificateFacts, ChainEntry } from '../core/tls/certificate-facts.js';
import { pemToDer } from '../core/tls/der-certificate.js';
import { probeTls } from '../core/tls/probe-tls.js';
import {
  TLS_VERSIONS,
  type ConnectTcp,
  type ConnectTls,
  type NegotiatedFacts,
  type TlsVersion,
} from '../core/tls/probe-types.js';
import { checkServername } from '../core/tls/host-name.js';
import { parseTlsTarget } from '../core/tls/target.js';
import { indexTrustAnchors } from '../core/tls/trust-anchors.js';
import { prepareGrade } from './check-tls-grade.js';
import type { CommandContext } from './context.js';
import type { CheckTlsOptions } from './options.js';

/** The contract's JSON result for `check-tls`. */
export interface CheckTlsReport {
  target: string;
  host: string;
  port: number;
  ok: boolean;
  protocols: Record<TlsVersion, boolean>;
  negotiated: NegotiatedFacts | null;
  certificate: CertificateFacts | null;
  chain: ChainEntry[];
  checks: TlsCheck[];
  /** With --grade: an estimate following SSL Labs' published rating rules (docs/tls-grade.md). */
  grade?: TlsGrade;
}

/** What tests may replace; by default the real network, clock and public root store. */
export interface CheckTlsDependencies {
  connect?: ConnectTls;
  connectTcp?: ConnectTcp;
  now?: () => Date;
  publicRoots?: readonly string[];
  /** Stands in for the HSTS request of --grade. */
  fetchHsts?: (url: string) => Promise<HstsPolicy | null>;
}

export async function checkTlsCommand(
  options: CheckTlsOptions,
  ctx: Pick<CommandContext, 'cwd'>,
  deps: CheckTlsDependencies = {},
): Promise<CheckTlsReport> {
  const target = parseTlsTarget(options.target);
  if (options.servername !== undefined) checkServername(options.servername);
  const extra = await readCaFiles(options.ca, ctx.cwd);
  const publicRoots = deps.publicRoots ?? rootCertificates;
  const probed = target.https || options.probeHttps;
  // An http:// target is a failed `https` check; its port 443 is looked at only when asked for.
  const port = target.https ? target.port : 443;
  const grading = probed && (options.grade === true || options.minGrade !== undefined);
  // Loading the grading code (and undici, for HSTS) overlaps the protocol probe's round trips.
  const grader = grading ? prepareGrade() : undefined;
  const probe = probed
    ? await probeTls({
        host: target.host,
        port,
        servername: options.servername ?? (isIP(target.host) ? undefined : target.host),
        publicRoots,
        extraCa: extra,
        timeoutMs: options.timeoutMs,
        connect: deps.connect ?? connectTls,
        connectTcp: deps.connectTcp ?? connectTcp,
      })
    : null;
  const result = assessTls({
    https: target.https,
    identityHost: options.servername ?? target.host,
    probe,
    anchors: indexTrustAnchors({ publicRoots, extra }),
    hasExtraCa: extra.length > 0,
    now: (deps.now ?? (() => new Date()))(),
  });
  const grade =
    probe && grader ? await grader.grade({ options, target, port, probe, result, extra, deps }) : undefined;
  return {
    target: options.target,
    host: target.host,
    port: probed ? port : target.port,
    ok: result.ok && (grade?.minimum?.met ?? true),
    protocols:
      probe?.protocols ??
      (Object.fromEntries(TLS_VERSIONS.map((v) => [v, false])) as Record<TlsVersion, boolean>),
    negotiated: probe?.negotiated ?? null,
    certificate: result.certificate,
    chain: result.chain,
    checks: result.checks,
    ...(grade ? { grade } : {}),
  };
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
};

/** Each --ca file as clean PEM certificates (keys or other blocks in the file are left out). */
async function readCaFiles(files: readonly string[], cwd: string): Promise<string[]> {
  const pems: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      throw new InputError(
        `cannot read --ca file "${file}": ${READ_ERRORS[code] ?? (error as Error).message}`,
        'Pass the path of a PEM file with your CA certificate(s)',
      );
    }
    const ders = pemToDer(text);
    if (ders.length === 0) {
      throw new InputError(
        `--ca file "${file}" contains no PEM certificate`,
        'Pass a PEM file with blocks that start with -----BEGIN CERTIFICATE-----',
      );
    }
    for (const der of ders) {
      try {
        pems.push(new X509Certificate(der).toString());
      } catch {
        throw new InputError(
          `--ca file "${file}" holds a certificate that cannot be read`,
          'Check that the file is an intact PEM certificate (openssl x509 -in FILE -noout -text)',
        );
      }
    }
  }
  return pems;
}
