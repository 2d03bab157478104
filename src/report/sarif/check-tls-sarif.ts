import type { ReportingDescriptor, Result } from 'sarif';
import type { CheckTlsReport } from '../check-tls-report.js';
import { gradeShortfall } from '../check-tls-verdict.js';
import { RuleList, sarifLog } from './sarif-log.js';

/** What each check id requires (docs/cli-contract.md, check-tls). */
const CHECKS: Record<string, string> = {
  https: 'The endpoint is reached over https',
  'tls.modern': 'TLS 1.2 or 1.3 is accepted',
  'tls.legacy': 'TLS 1.0 and 1.1 are refused',
  'cert.trusted': 'The certificate chains to a trusted root',
  'cert.self-signed': 'The certificate is not self-signed',
  'cert.hostname': "The certificate names the endpoint's host",
  'cert.validity': 'The certificate is valid now and not about to expire',
  'cert.chain': 'The server sends the intermediate certificates',
  'cert.key': 'The certificate key is strong enough',
  'cert.signature': 'The certificate signature algorithm is strong enough',
  'tls.client-cert': 'The TLS handshake does not require a client certificate',
  'tls.grade': 'The estimated grade is complete and meets --min-grade',
};

function describeCheck(id: string): ReportingDescriptor {
  return { id, name: id, shortDescription: { text: CHECKS[id] ?? id } };
}

/**
 * check-tls's failed and warned checks as SARIF results, one rule per check id; the location is
 * the endpoint's URL (what was analysed is a server, not a file).
 */
export function checkTlsSarif(report: CheckTlsReport, version: string) {
  const rules = new RuleList(describeCheck);
  const uri = endpointUri(report);
  const results: Result[] = [];
  const add = (id: string, level: 'error' | 'warning', text: string) =>
    results.push({
      ruleId: id,
      ruleIndex: rules.indexOf(id),
      level,
      message: { text },
      locations: [{ physicalLocation: { artifactLocation: { uri } } }],
    });
  for (const check of report.checks) {
    if (check.status === 'fail') add(check.id, 'error', check.message);
    else if (check.status === 'warn') add(check.id, 'warning', check.message);
  }
  // An incomplete grade is a warning, as in the annotations and for --fail-on warning.
  if (report.grade && !report.grade.complete) {
    add('tls.grade', 'warning', `the grade is incomplete: ${report.grade.unknown.join('; ')}`);
  }
  const shortfall = report.grade ? gradeShortfall(report.grade) : null;
  if (shortfall) add('tls.grade', 'error', shortfall);
  return sarifLog({ version, rules, results, complete: true });
}

function endpointUri(report: CheckTlsReport): string {
  const host = report.host.includes(':') ? `[${report.host}]` : report.host;
  const scheme = /^http:\/\//i.test(report.target) ? 'http' : 'https';
  return `${scheme}://${host}:${report.port}/`;
}
