/**
 * JSON Pointer segments (RFC 6901, https://www.rfc-editor.org/rfc/rfc6901#section-3): "~" is
 * written "~0" and "/" is written "~1". The order matters both ways ("~01" is the key "~1").
 */
export function escapePointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The pointer one key below `pointer` ("" is the whole document). */
export function appendPointer(pointer: string, key: string | number): string {
  return `${pointer}/${escapePointerSegment(key)}`;
}

/** The pointer of a path of keys, e.g. ["lines", 0, "a/b"] -> "/lines/0/a~1b". */
export function pointerOf(path: readonly (string | number)[]): string {
  return path.reduce<string>((pointer, key) => appendPointer(pointer, key), '');
}
