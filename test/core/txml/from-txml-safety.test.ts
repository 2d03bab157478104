import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fromTxml, TxmlError } from '../../../src/core/txml/index.js';
import { ROOT } from '../../helpers/run-cli.js';

function refusal(xml: string): TxmlError {
  try {
    fromTxml(xml, undefined);
  } catch (error) {
    assert.ok(error instanceof TxmlError, `expected a TxmlError, got ${String(error)}`);
    return error;
  }
  assert.fail('the document was accepted');
}

const invalid = (file: string) => readFile(`${ROOT}/fixtures/payloads/invalid/${file}`, 'utf8');

describe('fromTxml refuses unsafe and malformed documents', () => {
  it('refuses the billion-laughs fixture before parsing, as unsafe', async () => {
    const error = refusal(await invalid('doctype-entity.xml'));
    assert.equal(error.unsafe, true);
    assert.match(error.message, /DOCTYPE or entity declaration is refused as unsafe/);
    assert.match(error.message, /Tradecloud never sends one/);
    assert.deepEqual([error.line, error.column], [2, 1]);
  });

  it('refuses the external-entity fixture, so no file is ever read', async () => {
    const error = refusal(await invalid('external-entity.xml'));
    assert.equal(error.unsafe, true);
    assert.doesNotMatch(error.message, /root:/);
  });

  it('refuses DOCTYPE and ENTITY in any case and anywhere', () => {
    for (const xml of [
      '<!doctype WebhookBody><WebhookBody/>',
      '<WebhookBody><!DocType x></WebhookBody>',
      '<WebhookBody><a><![CDATA[<!ENTITY x "y">]]></a></WebhookBody>',
    ]) {
      assert.equal(refusal(xml).unsafe, true, xml);
    }
  });

  it('reports the malformed fixture with line and column', async () => {
    const error = refusal(await invalid('malformed.xml'));
    assert.equal(error.unsafe, false);
    assert.deepEqual([error.line, error.column], [80, 5]);
    assert.match(error.message, /^malformed XML at line 80, column 5: .*'buyerLine'/);
  });

  it('reports an unclosed root, text outside the root and a JSON body as malformed', () => {
    for (const xml of [
      '<WebhookBody><a>1</a>',
      '<WebhookBody/>trailing',
      '<a/><b/>',
      '<a/>&amp;',
      '{"eventName":"x"}',
      '<a></a><b></b>',
    ]) {
      const error = refusal(xml);
      assert.equal(error.unsafe, false);
      assert.equal(typeof error.line, 'number', xml);
      assert.match(error.message, /^malformed XML at line \d+/);
    }
  });

  it('refuses entity references other than the five predefined ones, with their position', () => {
    const error = refusal('<WebhookBody>\n  <a>x &nbsp; y</a>\n</WebhookBody>');
    assert.deepEqual([error.line, error.column], [2, 8]);
    assert.match(error.message, /&nbsp; is not one of the five predefined XML entities/);
    assert.equal(refusal('<a>&#0;</a>').unsafe, false);
    assert.match(refusal('<a>&#x110000;</a>').message, /&#x110000;/);
  });

  it('allows a literal ampersand sequence inside CDATA and comments', () => {
    const value = fromTxml('<a><!-- &nbsp; --><![CDATA[&nbsp;]]></a>', undefined).value;
    assert.equal(value, '&nbsp;');
  });

  it('says an empty document is empty', () => {
    for (const xml of ['', '   \n', '\uFEFF']) assert.match(refusal(xml).message, /empty/);
  });

  it('refuses element names that would reach the object prototype', () => {
    const error = refusal('<Root><__proto__><polluted>yes</polluted></__proto__></Root>');
    assert.match(error.message, /could not be read/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    refusal('<Root><constructor>x</constructor></Root>');
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const depth = 5000;
    const error = refusal(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`);
    assert.match(error.message, /could not be read/);
  });
});
