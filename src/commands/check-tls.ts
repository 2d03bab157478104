import { startGrading } from '../core/tls/grade/grade-endpoint.js';
import type { TlsGrade } from '../core/tls/grade/grade-types.js';
import { inspectTlsEndpoint, type TlsInspection } from '../core/tls/inspect-endpoint.js';
import { TLS_VERSIONS, type TlsVersion } from '../core/tls/probe-types.js';
import type { CheckTlsReport } from '../report/check-tls-report.js';
import { proxySettingsOf, trustedCasOf } from './command-deps.js';
import type { CommandContext } from './context.js';
import type { CheckTlsOptions } from './options.js';

export type { CheckTlsReport } from '../report/check-tls-report.js';

/** check-tls: Tradecloud's TLS rules for one endpoint, and with --grade the estimated SSL Labs grade. */
export async function checkTlsCommand(
  options: CheckTlsOptions,
  ctx: Pick<CommandContext, 'cwd' | 'deps'>,
): Promise<CheckTlsReport> {
  const extraCa = await trustedCasOf(ctx.deps, options.ca, ctx.cwd);
  const grading = options.grade === true || options.minGrade !== undefined;
  // Loading the grading code (and undici, for HSTS) overlaps the protocol probe's round trips.
  const grader = grading ? startGrading() : undefined;
  const inspection = await inspectTlsEndpoint(
    { ...options, extraCa, proxy: proxySettingsOf(ctx.deps, options.proxy) },
    ctx.deps,
  );
  const grade =
    inspection.probe && grader
      ? await grader.grade(inspection, {
          target: options.target,
          servername: options.servername,
          timeoutMs: options.timeoutMs,
          extraCa,
          ...(options.minGrade ? { minGrade: options.minGrade } : {}),
        })
      : undefined;
  return toCheckTlsReport(options.target, inspection, grade);
}

export function toCheckTlsReport(
  target: string,
  inspection: TlsInspection,
  grade?: TlsGrade,
): CheckTlsReport {
  const { probe, result } = inspection;
  return {
    target,
    host: inspection.target.host,
    port: inspection.port,
    ...(inspection.fallback
      ? { address: { probed: inspection.fallback.address, refused: inspection.fallback.refused } }
      : {}),
    ...(inspection.proxy ? { proxy: inspection.proxy.display } : {}),
    ok: result.ok && (grade?.minimum?.met ?? true),
    protocols: Object.fromEntries(
      TLS_VERSIONS.map((v) => [
        v,
        probe ? (probe.unknown[v] !== undefined ? null : probe.protocols[v]) : false,
      ]),
    ) as Record<TlsVersion, boolean | null>,
    negotiated: probe?.negotiated ?? null,
    certificate: result.certificate,
    chain: result.chain,
    checks: result.checks,
    ...(grade ? { grade } : {}),
  };
}
