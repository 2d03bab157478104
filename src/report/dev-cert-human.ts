import { palette } from './palette.js';
import type { DevCertReport } from './dev-cert-report.js';

export function renderDevCertHuman(report: DevCertReport, options: { color: boolean }): string {
  const p = palette(options.color);
  const until = report.expiresAt.slice(0, 10);
  const rows: [string, string][] = [
    [report.files.ca, 'the local test CA: trust it with --ca, never system-wide'],
    [report.files.caKey, "the CA's key (mode 0600)"],
    [report.files.cert, `the certificate for listen: ${report.names.join(', ')}`],
    [report.files.key, 'its key (mode 0600)'],
    [report.files.manifest, 'what dev-cert made (a later run replaces only these files)'],
  ];
  const width = Math.max(...rows.map(([file]) => file.length));
  return [
    `${report.replaced ? 'Replaced the' : 'Made a'} local test CA and a certificate it issued, valid until ${until}:`,
    ...rows.map(([file, what]) => `  ${file.padEnd(width)}  ${p.dim(what)}`),
    '',
    'Serve HTTPS with it:',
    `  tc-webhook listen ${report.flags.listen}`,
    'and trust it in the other commands:',
    `  tc-webhook doctor https://localhost:8443/ ${report.flags.trust}`,
    `  tc-webhook check-tls https://localhost:8443/ ${report.flags.trust}`,
    '',
    p.dim(
      'For local tests only: Tradecloud refuses a private CA. Never install this CA in the system trust store or NODE_EXTRA_CA_CERTS.',
    ),
    '',
  ].join('\n');
}
