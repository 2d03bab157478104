import type { ChalkInstance } from 'chalk';

type Style = (text: string) => string;

/** The styles the human reports use. */
export interface Palette {
  dim: Style;
  bold: Style;
  gray: Style;
  red: Style & { bold: Style };
  green: Style & { bold: Style };
  yellow: Style & { bold: Style };
}

const same: Style = (text) => text;
const PLAIN: Palette = {
  dim: same,
  bold: same,
  gray: same,
  red: Object.assign((text: string) => text, { bold: same }),
  green: Object.assign((text: string) => text, { bold: same }),
  yellow: Object.assign((text: string) => text, { bold: same }),
};

let colored: ChalkInstance | undefined;

/**
 * Loads chalk when the report will be coloured. Without colour (a pipe, a file, NO_COLOR) the
 * reports need none of it, and a run should not pay for loading it.
 */
export async function preparePalette(color: boolean): Promise<void> {
  if (color && !colored) colored = new (await import('chalk')).Chalk({ level: 1 });
}

/** The styles for a report: chalk's, at a level decided by the caller (never chalk's own detection), or none. */
export function palette(color: boolean): Palette {
  if (!color) return PLAIN;
  if (!colored) throw new Error('internal: preparePalette(true) must run before a coloured report');
  return colored;
}
