import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom, mulberry32 } from '../../../src/core/payload/prng.js';
import {
  generateContainerNumber,
  generateGln,
  generateImoNumber,
  gs1CheckDigit,
  iso6346CheckDigit,
} from '../../../src/core/payload/identifiers.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('random source', () => {
  it('mulberry32 repeats for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      assert.equal(x, b());
      assert.ok(x >= 0 && x < 1);
    }
  });

  it('a seeded source gives the same version-4 UUIDs, numbers and digits every time', () => {
    const draw = () => {
      const r = createRandom(7);
      return [r.uuid(), r.int(1, 6), r.digits(8), r.pick(['a', 'b', 'c']), r.uuid()];
    };
    assert.deepEqual(draw(), draw());
    assert.match(draw()[0] as string, UUID_V4);
  });

  it('seeds that differ, even only above 2^32, give different values', () => {
    assert.notEqual(createRandom(1).uuid(), createRandom(2).uuid());
    assert.notEqual(createRandom(5).uuid(), createRandom(5 + 2 ** 32).uuid());
  });

  it('without a seed, every UUID is fresh', () => {
    const ids = new Set(Array.from({ length: 50 }, () => createRandom().uuid()));
    assert.equal(ids.size, 50);
    for (const id of ids) assert.match(id, UUID_V4);
  });

  it('int stays within its bounds, both included', () => {
    const r = createRandom(3);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(2, 4)));
    assert.deepEqual([...seen].sort(), [2, 3, 4]);
  });
});

describe('identifiers', () => {
  it('compute the GS1 and ISO 6346 check digits of published examples', () => {
    assert.equal(gs1CheckDigit('871234500000'), '4'); // 8712345000004 (a GLN with a valid GS1 check digit)
    assert.equal(gs1CheckDigit('00801234999999999'), '7'); // SSCC (00)008012349999999997
    assert.equal(iso6346CheckDigit('BICU123456'), '5'); // BICU1234565 (docs/webhook-payloads.md §3.4.5)
    assert.equal(iso6346CheckDigit('CSQU305438'), '3'); // CSQU3054383 (ISO 6346 example)
  });

  it('generate identifiers that carry valid check digits', () => {
    const r = createRandom(11);
    for (let i = 0; i < 20; i++) {
      const gln = generateGln(r);
      assert.match(gln, /^\d{13}$/);
      assert.equal(gs1CheckDigit(gln.slice(0, 12)), gln[12]);
      const container = generateContainerNumber(r);
      assert.match(container, /^[A-Z]{3}U\d{7}$/);
      assert.equal(iso6346CheckDigit(container.slice(0, 10)), container[10]);
      const imo = generateImoNumber(r);
      const sum = [...imo.slice(0, 6)].reduce((acc, d, k) => acc + Number(d) * (7 - k), 0);
      assert.equal(String(sum % 10), imo[6]);
    }
  });
});
