/**
 * Thrown from a jsonc-parser visitor callback to end the scan early: `visit` has no other way to
 * stop, and a file can be large. The caller catches exactly this class and rethrows anything else.
 */
export class StopVisit extends Error {
  constructor() {
    super('jsonc-parser scan stopped early');
    this.name = 'StopVisit';
  }
}
