import { connect as connectTcp, isIP } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { AssessTlsResult } from '../core/tls/assess-tls.js';
import type { TlsGrade } from '../core/tls/grade/grade-types.js';
import type { ProbeResult } from '../core/tls/probe-types.js';
import type { TlsTarget } from '../core/tls/target.js';
import type { CheckTlsDependencies } from './check-tls.js';
import type { CheckTlsOptions } from './options.js';

export interface GradeInput {
  options: CheckTlsOptions;
  target: TlsTarget;
  port: number;
  probe: ProbeResult;
  result: AssessTlsResult;
  /** --ca certificates (PEM). */
  extra: string[];
  deps: CheckTlsDependencies;
}

async function loadGradeModules() {
  const [{ gradeTls }, { fetchHsts }, { loadAgentClass }] = await Promise.all([
    import('../core/tls/grade/grade-tls.js'),
    import('../core/tls/grade/fetch-hsts.js'),
    import('../core/http/delivery-agent.js'),
  ]);
  await loadAgentClass(); // kept by the module cache for fetchHsts
  return { gradeTls, fetchHsts };
}

/**
 * `check-tls --grade`: starts loading the grading code (and undici, for the HSTS request) at once, so
 * that it overlaps check-tls's own probe, and grades once the probe and its assessment are there.
 */
export function prepareGrade(): { grade(input: GradeInput): Promise<TlsGrade> } {
  const modules = loadGradeModules();
  modules.catch(() => undefined); // awaited (and reported) by grade(); never an unhandled rejection
  return {
    grade: async ({ options, target, port, probe, result, extra, deps }) => {
      const { gradeTls, fetchHsts } = await modules;
      const host = target.host.includes(':') ? `[${target.host}]` : target.host;
      const given = /^https:\/\//i.test(options.target) ? new URL(options.target) : null;
      const url = `https://${host}:${port}${given ? `${given.pathname}${given.search}` : '/'}`;
      return gradeTls({
        host: target.host,
        port,
        servername: options.servername ?? (isIP(target.host) ? undefined : target.host),
        timeoutMs: options.timeoutMs,
        connect: deps.connect ?? connectTls,
        connectTcp: deps.connectTcp ?? connectTcp,
        probe,
        checks: result.checks,
        certificate: result.certificate,
        fetchHsts: () =>
          deps.fetchHsts
            ? deps.fetchHsts(url)
            : fetchHsts({ url, servername: options.servername, ca: extra, timeoutMs: options.timeoutMs }),
        minimum: options.minGrade,
      });
    },
  };
}
