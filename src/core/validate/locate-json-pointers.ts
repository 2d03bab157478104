import type { JSONPath } from 'jsonc-parser';
import { jsonc } from './jsonc.js';
import { pointerOf } from '../text/json-pointer.js';
import { StopVisit } from './stop-visit.js';

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * 1-based line and column of the value at each JSON pointer. Only the branches that lead to a
 * wanted pointer are followed, nothing is built, and the scan stops once all are found; it runs
 * only for files that have errors or warnings.
 */
export function locateJsonPointers(text: string, pointers: Iterable<string>): Map<string, SourcePosition> {
  const wanted = new Set(pointers);
  const onTheWay = new Set<string>();
  for (const pointer of wanted) {
    for (let i = pointer.indexOf('/'); i !== -1; i = pointer.indexOf('/', i + 1))
      onTheWay.add(pointer.slice(0, i));
    onTheWay.add(pointer);
  }
  const found = new Map<string, SourcePosition>();
  const reach = (path: JSONPath, line: number, column: number): boolean => {
    const pointer = pointerOf(path);
    if (wanted.has(pointer) && !found.has(pointer)) {
      found.set(pointer, { line: line + 1, column: column + 1 });
      if (found.size === wanted.size) throw new StopVisit();
    }
    return onTheWay.has(pointer);
  };
  try {
    jsonc().visit(text, {
      onObjectBegin: (_o, _l, line, column, path) => reach(path(), line, column),
      onArrayBegin: (_o, _l, line, column, path) => reach(path(), line, column),
      // Needed even though empty: jsonc-parser ends a skipped subtree only in these callbacks.
      onObjectEnd: () => undefined,
      onArrayEnd: () => undefined,
      onLiteralValue: (_v, _o, _l, line, column, path) => {
        reach(path(), line, column);
      },
    });
  } catch (error) {
    if (!(error instanceof StopVisit)) throw error;
  }
  return found;
}
