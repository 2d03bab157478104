import type { CheckTlsReport } from './check-tls-report.js';
import type { CheckStatus } from '../core/tls/assess-types.js';
import { renderGradeHuman, VERSION_LABELS } from './check-tls-grade-human.js';
import { palette } from './palette.js';
import { checkTlsVerdict } from './check-tls-verdict.js';
import { count } from '../core/text/count.js';

const ID_WIDTH = 'cert.self-signed'.length;

/** A short table of the checks, then the facts behind them, then the verdict. */
export function renderCheckTlsHuman(report: CheckTlsReport, options: { color: boolean }): string {
  const c = palette(options.color);
  // A plain-http target without --probe-https: nothing else was checked, so one line says it all
  // (--json still lists every check id).
  if (report.checks[0]?.status === 'fail' && report.checks.slice(1).every((x) => x.status === 'skip')) {
    return `${c.red.bold(
      `FAILED: Tradecloud requires https, and ${report.target} is plain http: serve the endpoint over HTTPS and enter its https:// URL in the Tradecloud portal (--probe-https also checks port 443 of ${report.host})`,
    )}\n`;
  }
  const badge: Record<CheckStatus, string> = {
    pass: c.green('PASS'),
    warn: c.yellow('WARN'),
    fail: c.red('FAIL'),
    skip: c.dim('SKIP'),
  };
  const where = report.host.includes(':')
    ? `[${report.host}]:${report.port}`
    : `${report.host}:${report.port}`;
  const shown = report.target.includes(where) ? '' : c.dim(` (${where})`);
  const lines = [c.bold(`TLS check of ${report.target}`) + shown];
  if (report.address) {
    const refused = report.address.refused.map((r) => r.address).join(', ');
    lines.push(
      c.dim(
        `  ${refused} refused the connection; checked ${report.address.probed}, the next address of ${report.host}`,
      ),
    );
  }
  if (report.proxy) {
    // A TLS-inspecting proxy answers with a certificate of its own: name the issuer that was seen.
    const issuer = report.certificate ? `; certificate issuer seen: ${report.certificate.issuer}` : '';
    lines.push(
      c.dim(
        `  through the proxy ${report.proxy}${issuer} (a TLS-inspecting proxy shows its own CA here; Tradecloud connects directly)`,
      ),
    );
  }
  lines.push('');
  if (report.grade) lines.push(...renderGradeHuman(report.grade, c));
  for (const check of report.checks) {
    lines.push(`  ${badge[check.status]}  ${check.id.padEnd(ID_WIDTH)}  ${check.message}`);
  }
  lines.push('');
  const fact = (label: string, value: string) => `  ${c.dim(label.padEnd(12))} ${value}`;
  if (report.negotiated) {
    const versions = VERSION_LABELS.map(
      ([v, label]) =>
        `${label} ${report.protocols[v] === null ? 'unknown' : report.protocols[v] ? 'yes' : 'no'}`,
    );
    lines.push(fact('Protocols', versions.join(', ')));
    const { protocol, cipher, alpn } = report.negotiated;
    lines.push(fact('Negotiated', `${protocol}, ${cipher}${alpn ? `, ALPN ${alpn}` : ''}`));
  }
  const cert = report.certificate;
  if (cert) {
    lines.push(
      fact('Subject', cert.subject),
      fact('Issuer', cert.issuer + (cert.selfSigned ? ' (self-signed)' : '')),
      fact('Names', cert.subjectAltNames.join(', ') || '(none)'),
      fact(
        'Valid',
        `${cert.validFrom.slice(0, 10)} to ${cert.validTo.slice(0, 10)} (${daysLeftText(cert.daysLeft)})`,
      ),
      fact('Key', cert.keyBits === null ? cert.keyType : `${cert.keyType} ${cert.keyBits} bits`),
      fact('Signature', cert.signatureAlgorithm),
      fact('SHA-256', cert.fingerprint256),
    );
  }
  if (report.chain.length > 0) {
    lines.push(
      fact('Chain sent', `${report.chain.length} certificate${report.chain.length === 1 ? '' : 's'}`),
    );
    report.chain.forEach((entry, i) => lines.push(`  ${' '.repeat(12)} ${i + 1}. ${entry.subject}`));
  }
  if (report.negotiated || cert) lines.push('');
  const verdict = checkTlsVerdict(report);
  lines.push(verdict.ok ? c.green.bold(verdict.text) : c.red.bold(verdict.text));
  return `${lines.join('\n')}\n`;
}

/** "1 day left", "30 days left"; an expired certificate's days are counted back. */
function daysLeftText(days: number): string {
  return days < 0 ? `expired ${count(-days, 'day')} ago` : `${count(days, 'day')} left`;
}
