import { unescapePointerSegment } from '../text/json-pointer.js';

/** The value at a JSON pointer (RFC 6901), or undefined. */
export function valueAtPointer(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let current = data;
  for (const raw of pointer.slice(1).split('/')) {
    if (typeof current !== 'object' || current === null) return undefined;
    const key = unescapePointerSegment(raw);
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const MAX_SHOWN = 60;

/** A value in words for "found …": `the number 10`, `the string "abc"`, `an object`. */
export function describeFound(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return value === '' ? 'an empty string' : `the string ${quote(value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return 'nothing';
  }
}

/** A spec field as text: scalars as written (YAML may read `2.0` as a number), anything else as JSON. */
export function scalarText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return '';
    default:
      return JSON.stringify(value) ?? '';
  }
}

/** A scalar as it is written in JSON, shortened when long. */
export function quote(value: unknown): string {
  if (typeof value !== 'string') return typeof value === 'object' && value !== null ? '{…}' : String(value);
  const text = JSON.stringify(value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) : value);
  return value.length > MAX_SHOWN ? `${text.slice(0, -1)}…"` : text;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean (true or false)',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** `string,null` → `a string or null`. */
export function describeTypes(types: string | string[]): string {
  const list = (Array.isArray(types) ? types : types.split(',')).map((t) => TYPE_WORDS[t.trim()] ?? t);
  return [...new Set(list)].join(' or ');
}
