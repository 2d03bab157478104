import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  appendPointer,
  escapePointerSegment,
  pointerOf,
  unescapePointerSegment,
} from '../../../src/core/text/json-pointer.js';
import { valueAtPointer } from '../../../src/core/schema/describe-value.js';
import { locateJsonPointers } from '../../../src/core/validate/locate-json-pointers.js';

describe('JSON pointer segments (RFC 6901)', () => {
  it('escapes "~" as "~0" and "/" as "~1", in that order', () => {
    assert.equal(escapePointerSegment('a/b'), 'a~1b');
    assert.equal(escapePointerSegment('a~b'), 'a~0b');
    assert.equal(escapePointerSegment('~1'), '~01');
    assert.equal(escapePointerSegment(3), '3');
  });

  it('unescapes "~1" before "~0", so "~01" is the key "~1"', () => {
    assert.equal(unescapePointerSegment('a~1b'), 'a/b');
    assert.equal(unescapePointerSegment('a~0b'), 'a~b');
    assert.equal(unescapePointerSegment('~01'), '~1');
    for (const key of ['', 'plain', 'a/b~c', '~~//', '~0~1']) {
      assert.equal(unescapePointerSegment(escapePointerSegment(key)), key);
    }
  });

  it('builds pointers from keys', () => {
    assert.equal(appendPointer('', 'lines'), '/lines');
    assert.equal(appendPointer('/lines', 0), '/lines/0');
    assert.equal(pointerOf([]), '');
    assert.equal(pointerOf(['lines', 0, 'a/b', 'c~d']), '/lines/0/a~1b/c~0d');
  });

  it('a pointer built here finds the value and its line in the JSON text', () => {
    const text = '{\n  "a/b": {\n    "c~d": [1, 2]\n  }\n}';
    const pointer = pointerOf(['a/b', 'c~d', 1]);
    assert.equal(valueAtPointer(JSON.parse(text), pointer), 2);
    assert.deepEqual(locateJsonPointers(text, [pointer]).get(pointer), { line: 3, column: 16 });
  });
});
