import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckTlsReport } from '../../src/report/check-tls-report.js';
import { markdownCell } from '../../src/report/github/markdown-text.js';
import {
  addMaskLines,
  annotationLine,
  escapeData,
  escapeProperty,
  fenceCommands,
  neutralizeJson,
} from '../../src/report/github/workflow-commands.js';
import { hasWarnings } from '../../src/report/report-warnings.js';

describe('workflow commands', () => {
  it('escape %, CR and LF in data, and : and , too in properties', () => {
    assert.equal(escapeData('100% done\r\n::error::x'), '100%25 done%0D%0A::error::x');
    assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
    assert.equal(
      annotationLine({ level: 'warning', file: 'a,b.json', line: 3, col: 7, title: 'x: y', message: 'm\nn' }),
      '::warning file=a%2Cb.json,line=3,col=7,title=x%3A y::m%0An',
    );
    assert.equal(annotationLine({ level: 'error', message: 'plain' }), '::error::plain');
  });

  it('announce a secret that spans lines also line by line', () => {
    assert.deepEqual(addMaskLines(['one\ntwo', '', 'one\ntwo', '50%']), [
      '::add-mask::one%0Atwo',
      '::add-mask::one',
      '::add-mask::two',
      '::add-mask::50%25',
    ]);
  });

  it('fence text between stop-commands and its token, and keep JSON free of ##[', () => {
    assert.equal(fenceCommands('::error::x', 'abc'), '::stop-commands::abc\n::error::x\n::abc::\n');
    const json = neutralizeJson(JSON.stringify({ a: '##[error]x' }));
    assert.doesNotMatch(json, /#/);
    assert.deepEqual(JSON.parse(json), { a: '##[error]x' });
  });

  it('Markdown cells show outside text as text', () => {
    assert.equal(
      markdownCell('<img src=x> | [a](b) *c*\nd'),
      '&lt;img src=x&gt; \\| \\[a\\](b) \\*c\\*<br>d',
    );
  });
});

describe('--fail-on warning', () => {
  it('a skipped check is not a warning; a warned one is', () => {
    const report = (status: 'skip' | 'warn' | 'pass') =>
      ({
        checks: [
          { id: 'https', status: 'pass', message: '' },
          { id: 'tls.legacy', status, message: '' },
        ],
      }) as unknown as CheckTlsReport;
    assert.equal(hasWarnings('check-tls', report('skip')), false);
    assert.equal(hasWarnings('check-tls', report('pass')), false);
    assert.equal(hasWarnings('check-tls', report('warn')), true);
  });
});
