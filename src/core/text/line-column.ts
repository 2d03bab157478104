/** A 1-based line and column, as editors show them. */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * The line and column of a character offset in a text (lines end at "\n"; a "\r" before it counts
 * as the last column of its line). The one conversion behind every "at line L, column C" of
 * malformed JSON and XML, so both formats point at the same place for the same offset.
 */
export function lineColumnAt(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
