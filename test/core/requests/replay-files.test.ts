import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InputError } from '../../../src/errors.js';
import { loadReplayFiles } from '../../../src/core/requests/replay-files.js';

describe('loadReplayFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tc-replay-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'set'));
  writeFileSync(join(dir, 'set', 'b.json'), '{"eventName":"ShipmentIssuedBySupplier","shipment":{}}');
  writeFileSync(
    join(dir, 'set', 'a.xml'),
    '<WebhookBody><eventName>OrderIssuedByBuyer</eventName><orderEvent><orderId>1</orderId></orderEvent></WebhookBody>',
  );
  writeFileSync(join(dir, 'set', 'notes.txt'), 'ignored');
  writeFileSync(join(dir, 'other.json'), '{"hello":"world"}');
  writeFileSync(join(dir, 'broken.json'), '{"eventName":');
  mkdirSync(join(dir, 'empty'));

  it('expands a directory (sorted, .json and .xml only) and reads event and type from each payload', async () => {
    const { requests, warnings } = await loadReplayFiles(['set'], dir);
    assert.deepEqual(
      requests.map((r) => [r.file, r.event, r.type, r.format, r.contentType]),
      [
        [join('set', 'a.xml'), 'OrderIssuedByBuyer', 'order', 'txml', 'application/xml'],
        [join('set', 'b.json'), 'ShipmentIssuedBySupplier', 'shipment', 'json', 'application/json'],
      ],
    );
    assert.deepEqual(warnings, []);
  });

  it('still sends what is not a Tradecloud payload, with a warning', async () => {
    const { requests, warnings } = await loadReplayFiles(['other.json', 'broken.json'], dir);
    assert.equal(requests.length, 2);
    assert.equal(requests[0]!.event, '(unknown)');
    assert.equal(requests[0]!.body.toString(), '{"hello":"world"}');
    assert.match(warnings[0]!, /other\.json is not a Tradecloud payload/);
    assert.match(warnings[1]!, /^broken\.json: malformed JSON: .* at line 1, column \d+; sending it anyway$/);
  });

  it('is an input error for a missing file or an empty directory', async () => {
    await assert.rejects(
      loadReplayFiles(['missing.json'], dir),
      (e: unknown) => e instanceof InputError && /no such file/.test(e.message),
    );
    await assert.rejects(loadReplayFiles(['empty'], dir), /no \.json or \.xml files in directory empty$/);
  });
});
