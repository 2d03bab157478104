import type { Palette } from './palette.js';
import type { GradeLetter, GradeSuite, TlsGrade } from '../core/tls/grade/grade-types.js';

/** Protocol names as node:tls reports them, and as a reader says them; newest first. */
export const VERSION_LABELS = [
  ['TLSv1.3', 'TLS 1.3'],
  ['TLSv1.2', 'TLS 1.2'],
  ['TLSv1.1', 'TLS 1.1'],
  ['TLSv1', 'TLS 1.0'],
] as const;

const KX_LABELS: Record<GradeSuite['kx'], string> = {
  TLS13: '(EC)DHE',
  ECDHE: 'ECDHE',
  DHE: 'DHE',
  RSA: 'RSA',
  DH_anon: 'DH anon',
  ECDH_anon: 'ECDH anon',
};

function colorLetter(c: Palette, letter: GradeLetter): string {
  const text = c.bold(letter);
  if (letter.startsWith('A')) return c.green(text);
  if (letter === 'B' || letter === 'C') return c.yellow(text);
  return c.red(text);
}

function flagsOf(suite: GradeSuite): string {
  const flags = [...suite.weakReasons.map((r) => `weak: ${r}`)];
  if (!suite.forwardSecrecy) flags.push('no forward secrecy');
  if (suite.cbc) flags.push('CBC');
  return flags.join(', ');
}

/** The grade block that heads a `check-tls --grade` report: letter, caps, suites, then the other facts. */
export function renderGradeHuman(grade: TlsGrade, c: Palette): string[] {
  const lines: string[] = [];
  const ignoring =
    grade.letter === 'T' || grade.letter === 'M'
      ? `  ${c.dim(`(${grade.letterIgnoringTrust} if the certificate problem were fixed)`)}`
      : '';
  lines.push(`  Grade ${colorLetter(c, grade.letter)}${ignoring}`);
  lines.push(c.dim("  An estimate following SSL Labs' published rating rules, not an SSL Labs result."));
  if (!grade.complete) {
    lines.push(
      c.yellow(
        `  Incomplete: ${grade.unknown.join('; ')}. The letter may be better or worse than the server deserves, and it meets no --min-grade; run the check again later.`,
      ),
    );
  }
  const s = grade.scores;
  lines.push(
    `  ${c.dim('Scores')}  protocol ${s.protocol}, key exchange ${s.keyExchange}, cipher strength ${s.cipherStrength}, total ${s.total}/100`,
  );
  if (grade.minimum) {
    const verdict = grade.minimum.met ? c.green('met') : c.red('NOT met');
    lines.push(`  ${c.dim('Minimum')} ${grade.minimum.letter} (--min-grade): ${verdict}`);
  }
  lines.push('');
  if (grade.caps.length > 0) {
    lines.push(c.bold('  Caps'));
    for (const cap of grade.caps) {
      lines.push(`    ${cap.letter.padEnd(2)}  ${cap.reason}: ${c.dim(cap.fix)}`);
    }
    lines.push('');
  }
  const width = Math.max(
    10,
    ...Object.values(grade.suites).flatMap((l) => (l ?? []).map((x) => x.name.length)),
  );
  for (const [version, label] of VERSION_LABELS) {
    const suites = grade.suites[version];
    if (!suites) continue;
    const order = grade.serverOrder[version];
    const note = order === true ? ", server's order" : order === false ? ", client's order" : '';
    const unknown = grade.unknown.some((u) => u.startsWith(`${label} suites:`));
    const count = unknown
      ? suites.length > 0
        ? `${suites.length} found, more unknown`
        : 'unknown'
      : suites.length;
    lines.push(c.bold(`  ${label} suites`) + c.dim(` (${count}${note})`));
    for (const suite of suites) {
      const flags = flagsOf(suite);
      const row = `    ${suite.name.padEnd(width)}  ${KX_LABELS[suite.kx].padEnd(9)} ${String(suite.bits).padStart(3)} bits`;
      lines.push(flags ? `${row}  ${(suite.weak ? c.red : c.yellow)(flags)}` : row);
    }
  }
  if (grade.ssl3) lines.push(c.red('  SSL 3.0 accepted'));
  lines.push('');
  const fact = (label: string, value: string) => `  ${c.dim(label.padEnd(12))} ${value}`;
  const { groups, dhBits } = grade.keyExchange;
  lines.push(
    fact(
      'Key exchange',
      [
        groups.length > 0 ? `ECDHE groups ${groups.map((g) => g.name).join(', ')}` : 'no ECDHE',
        dhBits !== null ? `DHE ${dhBits} bits` : null,
      ]
        .filter(Boolean)
        .join('; '),
    ),
  );
  lines.push(
    fact('OCSP staple', grade.ocspStapling === null ? 'unknown' : grade.ocspStapling ? 'yes' : 'no'),
  );
  lines.push(
    fact(
      'CT (SCTs)',
      grade.sct.present ? `${grade.sct.count} in the certificate` : 'none in the certificate',
    ),
  );
  const h = grade.hsts;
  lines.push(
    fact(
      'HSTS',
      h === null
        ? 'unknown (not fetched: the certificate is not trusted for this host, or the request failed)'
        : !h.present
          ? 'not sent'
          : `max-age=${h.maxAge ?? '?'}${h.includeSubDomains ? '; includeSubDomains' : ''}${h.preload ? '; preload' : ''}`,
    ),
  );
  lines.push('');
  return lines;
}
