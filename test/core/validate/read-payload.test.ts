import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectPayloadFormat } from '../../../src/core/validate/detect-format.js';
import { decodePayload } from '../../../src/core/validate/read-payload.js';

describe('decodePayload', () => {
  it('returns UTF-8 text without its BOM', () => {
    assert.deepEqual(decodePayload(Buffer.from('\ufeff{"a":"é"}')), { text: '{"a":"é"}' });
  });

  it('describes content that cannot be a payload instead of showing it', () => {
    const problem = (bytes: Buffer) => (decodePayload(bytes) as { problem: string }).problem;
    assert.match(problem(Buffer.alloc(0)), /^the file is empty/);
    assert.match(problem(Buffer.from(' \n\t ')), /^the file is empty \(only whitespace\)/);
    assert.match(problem(Buffer.from([0x7b, 0x00, 0x7d])), /^binary content \(a NUL byte at offset 1\)/);
    assert.match(problem(Buffer.from([0x7b, 0xe9, 0x7d])), /not valid UTF-8/);
    assert.match(problem(Buffer.from([0xff, 0xfe, 0x7b, 0x00])), /UTF-16/);
  });
});

describe('detectPayloadFormat', () => {
  it('lets the content decide and the extension break ties', () => {
    assert.equal(detectPayloadFormat('  <WebhookBody/>', 'a.json'), 'txml');
    assert.equal(detectPayloadFormat('{"a":1}', 'a.xml'), 'json');
    assert.equal(detectPayloadFormat('oops', 'a.xml'), 'txml');
    assert.equal(detectPayloadFormat('oops', '<stdin>'), 'json');
  });
});
