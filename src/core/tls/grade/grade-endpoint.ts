import type { OrderedLetter, TlsGrade } from './grade-types.js';
import type { TlsInspection } from '../inspect-endpoint.js';
import { pemsOf, type ExtraCa } from '../../net/trust-store.js';

export interface GradeEndpointOptions {
  /** The target as given: its path is where the HSTS GET goes. */
  target: string;
  servername: string | undefined;
  timeoutMs: number;
  /** --ca and NODE_EXTRA_CA_CERTS certificates, trusted for the HSTS GET. */
  extraCa: readonly ExtraCa[];
  minGrade?: OrderedLetter;
}

async function loadGradeModules() {
  const [{ gradeTls }, { fetchHsts }] = await Promise.all([
    import('./grade-tls.js'),
    import('./fetch-hsts.js'),
    import('../../http/delivery-agent.js'),
    import('undici'), // kept by the module cache for fetchHsts
  ]);
  return { gradeTls, fetchHsts };
}

/**
 * `--grade`: starts loading the grading code (and undici, for the HSTS request) at once, so that it
 * overlaps the protocol probe, and grades an inspection once it is there (check-tls and doctor).
 */
export function startGrading(): {
  grade(inspection: TlsInspection, options: GradeEndpointOptions): Promise<TlsGrade>;
} {
  const modules = loadGradeModules();
  modules.catch(() => undefined); // awaited (and reported) by grade(); never an unhandled rejection
  return {
    grade: async (inspection, options) => {
      const { probe, result, target, port } = inspection;
      if (!probe) throw new Error('grading needs a probed endpoint');
      const { gradeTls, fetchHsts } = await modules;
      const host = target.host.includes(':') ? `[${target.host}]` : target.host;
      const given = /^https:\/\//i.test(options.target) ? new URL(options.target) : null;
      const url = `https://${host}:${port}${given ? `${given.pathname}${given.search}` : '/'}`;
      return gradeTls({
        host: inspection.connectHost,
        port,
        servername: inspection.servername,
        timeoutMs: options.timeoutMs,
        connect: inspection.connects.connectTls,
        connectTcp: inspection.connects.connectTcp,
        probe,
        checks: result.checks,
        certificate: result.certificate,
        fetchHsts: () =>
          fetchHsts({
            url,
            servername: options.servername,
            ca: pemsOf(options.extraCa),
            timeoutMs: options.timeoutMs,
            // The proxy decision of the probe's handshakes: the HSTS request goes the same way.
            ...(inspection.proxy ? { proxy: inspection.proxy } : {}),
          }),
        minimum: options.minGrade,
      });
    },
  };
}
