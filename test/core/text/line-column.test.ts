import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineColumnAt } from '../../../src/core/text/line-column.js';
import { readXml } from '../../../src/core/txml/read-xml.js';
import { TxmlError } from '../../../src/core/txml/txml-error.js';

describe('lineColumnAt', () => {
  it('counts lines and columns from 1', () => {
    assert.deepEqual(lineColumnAt('', 0), { line: 1, column: 1 });
    assert.deepEqual(lineColumnAt('abc', 2), { line: 1, column: 3 });
    assert.deepEqual(lineColumnAt('ab\ncd\nef', 3), { line: 2, column: 1 });
    assert.deepEqual(lineColumnAt('ab\ncd\nef', 7), { line: 3, column: 2 });
  });

  it('places the newline itself at the end of its line, and "\\r\\n" ends a line once', () => {
    assert.deepEqual(lineColumnAt('ab\ncd', 2), { line: 1, column: 3 });
    assert.deepEqual(lineColumnAt('ab\r\ncd', 4), { line: 2, column: 1 });
  });

  it('an offset past the end stays on the last line', () => {
    assert.deepEqual(lineColumnAt('a\nb', 10), { line: 2, column: 9 });
  });

  it('is where tXML reading points: a DOCTYPE on line 2 is reported at line 2, column 1', () => {
    const text = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<WebhookBody/>';
    assert.throws(
      () => readXml(text),
      (e: unknown) =>
        e instanceof TxmlError &&
        e.line === lineColumnAt(text, text.indexOf('<!DOCTYPE')).line &&
        e.column === 1 &&
        /line 2, column 1/.test(e.message),
    );
  });
});
