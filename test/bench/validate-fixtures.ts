/**
 * Payloads for the validate benchmark and the e2e tests: built from the valid fixtures, so they
 * stay valid against the bundled schemas whatever those fixtures contain.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function readValidFixture(name: string): string {
  return readFileSync(`${ROOT}fixtures/payloads/valid/${name}`, 'utf8');
}

/**
 * An order event body of at least `minBytes`: the fixture's first line repeated up to the
 * schema's 500 lines, each with many buyer notes (strings, the bulk of real large orders).
 */
export function buildLargeOrderPayload(minBytes: number): string {
  const body = JSON.parse(readValidFixture('order-event.json')) as {
    orderEvent: { lines: Record<string, unknown>[] };
  };
  const [line] = body.orderEvent.lines;
  const lines = 500;
  const note = (k: number, i: number) =>
    `Note ${k} of line ${i}: deliver to dock 12 between 08:00 and 12:00.`;
  const notesPerLine = Math.ceil(minBytes / lines / (note(100, 100).length + 3)) + 10;
  body.orderEvent.lines = Array.from({ length: lines }, (_, i) => ({
    ...line,
    id: `line-${i}`,
    buyerLine: {
      ...(line!.buyerLine as object),
      notes: Array.from({ length: notesPerLine }, (_, k) => note(k, i)),
    },
  }));
  return JSON.stringify(body);
}
