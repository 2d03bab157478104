import { check, type TlsCheck } from './assess-types.js';
import type { ProbeResult, TlsVersion } from './probe-types.js';

const LABEL: Record<TlsVersion, string> = {
  TLSv1: 'TLS 1.0',
  'TLSv1.1': 'TLS 1.1',
  'TLSv1.2': 'TLS 1.2',
  'TLSv1.3': 'TLS 1.3',
};

function list(versions: TlsVersion[]): string {
  const labels = versions.map((v) => LABEL[v]);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

export function assessHttps(https: boolean): TlsCheck {
  return https
    ? check('https', 'pass', 'the target uses https://')
    : check(
        'https',
        'fail',
        'the target uses http://, and Tradecloud delivers only to https:// URLs; serve the endpoint over HTTPS and enter its https:// URL in the Tradecloud portal',
      );
}

export function assessModern(probe: ProbeResult): TlsCheck {
  const modern = (['TLSv1.3', 'TLSv1.2'] as const).filter((v) => probe.protocols[v]);
  if (modern.length === 2) return check('tls.modern', 'pass', 'TLS 1.3 and TLS 1.2 accepted');
  if (modern[0] === 'TLSv1.3') return check('tls.modern', 'pass', 'TLS 1.3 accepted');
  if (modern[0] === 'TLSv1.2') {
    const tls13 = probe.unknown['TLSv1.3'];
    return check(
      'tls.modern',
      'pass',
      tls13
        ? `TLS 1.2 accepted (TLS 1.3 unknown: ${tls13})`
        : 'TLS 1.2 accepted (TLS 1.3 is not; enabling it too is recommended)',
    );
  }
  const legacy = (['TLSv1', 'TLSv1.1'] as const).filter((v) => probe.protocols[v]);
  if (legacy.length === 0) {
    return check(
      'tls.modern',
      'fail',
      'the server speaks TLS but completed no handshake with TLS 1.0 to 1.3 (no version or cipher in common); enable TLS 1.2 and TLS 1.3 with current ciphers in your web server',
    );
  }
  return check(
    'tls.modern',
    'fail',
    `neither TLS 1.2 nor TLS 1.3 is accepted (only ${list(legacy)}), and Tradecloud needs one of them; enable TLS 1.2 and TLS 1.3 in your web server`,
  );
}

export function assessLegacy(probe: ProbeResult): TlsCheck {
  const legacy = (['TLSv1', 'TLSv1.1'] as const).filter((v) => probe.protocols[v]);
  if (legacy.length > 0) {
    return check(
      'tls.legacy',
      'warn',
      `${list(legacy)} ${legacy.length > 1 ? 'are' : 'is'} still accepted; these versions are obsolete (RFC 8996): disable TLS 1.0 and TLS 1.1 in your web server`,
    );
  }
  const unknown = (['TLSv1', 'TLSv1.1'] as const).filter((v) => probe.unknown[v] !== undefined);
  if (unknown.length > 0) {
    const why = unknown.map((v) => `${LABEL[v]}: ${probe.unknown[v]}`).join('; ');
    return check('tls.legacy', 'skip', `not determined (${why}); run the check again later`);
  }
  const untested = (['TLSv1', 'TLSv1.1'] as const).filter((v) => probe.untestable.includes(v));
  if (untested.length > 0) {
    return check('tls.legacy', 'skip', `${list(untested)} not tested: this Node.js cannot offer them`);
  }
  return check('tls.legacy', 'pass', 'TLS 1.0 and TLS 1.1 are refused');
}
