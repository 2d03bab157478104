import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  findDeepJsonNesting,
  findDeepXmlNesting,
  nestsDeeperThan,
  opensAtMost,
} from '../../../src/core/validate/find-deep-nesting.js';
import { locateJsonPointers } from '../../../src/core/validate/locate-json-pointers.js';
import { parseJsonPayload } from '../../../src/core/validate/parse-json-payload.js';

describe('parseJsonPayload', () => {
  it('parses valid JSON', () => {
    assert.deepEqual(parseJsonPayload('{"a":[1,true,null]}'), { value: { a: [1, true, null] } });
  });

  it('says what is wrong and where, 1-based', () => {
    assert.deepEqual(parseJsonPayload('{\n  "a": 1\n  "b": 2\n}'), {
      syntax: { message: 'malformed JSON: expected "," between values', line: 3, column: 3 },
    });
    assert.deepEqual(parseJsonPayload('{"a": [1, 2'), {
      syntax: { message: 'malformed JSON: expected "]" to close the array', line: 1, column: 12 },
    });
    assert.match(
      (parseJsonPayload('{"a": 1,}') as { syntax: { message: string } }).syntax.message,
      /malformed JSON/,
    );
    assert.match(
      (parseJsonPayload('// c\n{}') as { syntax: { message: string } }).syntax.message,
      /comments/,
    );
  });
});

describe('nesting guards', () => {
  it('measures depth of values and finds where text gets too deep', () => {
    const deep = `{"a":${'['.repeat(600)}${']'.repeat(600)}}`;
    assert.equal(nestsDeeperThan(JSON.parse(deep), 512), true);
    assert.equal(nestsDeeperThan({ a: [[{ b: 1 }]] }, 4), false);
    assert.equal(nestsDeeperThan({ a: [[{ b: {} }]] }, 4), true);
    assert.equal(findDeepJsonNesting(deep, 512), 5 + 511);
    assert.equal(findDeepJsonNesting('{"[[[[": "]]"}', 2), -1, 'brackets in strings do not count');
    assert.equal(findDeepJsonNesting('{"a\\"[[[": 1}', 2), -1, 'escaped quotes stay inside the string');
    assert.equal(findDeepXmlNesting(`<a>${'<b>'.repeat(5)}<c/>${'</b>'.repeat(5)}</a>`, 6), -1);
    assert.equal(findDeepXmlNesting(`<a>${'<b>'.repeat(6)}`, 6), 3 + 5 * 3);
  });

  it('clears a text that opens too few arrays and objects to nest too deep, counting cautiously', () => {
    assert.equal(opensAtMost('{"a":[{"b":1},{"c":[]}]}', 5), true);
    assert.equal(opensAtMost('{"a":[{"b":1},{"c":[]}]}', 4), false, 'five opened, though only four deep');
    assert.equal(opensAtMost('{"a":"[[[["}', 2), false, 'brackets in strings count: cautious, never wrong');
    assert.equal(opensAtMost(`{"a":${'['.repeat(600)}${']'.repeat(600)}}`, 512), false);
  });
});

describe('locateJsonPointers', () => {
  const text = '{\n  "a": {\n    "b": [10, {"c/d": "x"}]\n  },\n  "e": true\n}';

  it('finds the 1-based line and column of values by JSON pointer', () => {
    const found = locateJsonPointers(text, ['', '/a/b/0', '/a/b/1/c~1d', '/e', '/missing']);
    assert.deepEqual(Object.fromEntries(found), {
      '': { line: 1, column: 1 },
      '/a/b/0': { line: 3, column: 11 },
      '/a/b/1/c~1d': { line: 3, column: 23 },
      '/e': { line: 5, column: 8 },
    });
  });
});
