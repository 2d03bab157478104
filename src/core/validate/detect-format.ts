import { extname } from 'node:path';

export type PayloadFormat = 'json' | 'txml';

/** The content decides (a .json file that starts with `<` is tXML); the extension breaks ties. */
export function detectPayloadFormat(text: string, file: string): PayloadFormat {
  const first = /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text)?.[0];
  if (first === '<') return 'txml';
  if (first === '{' || first === '[') return 'json';
  return extname(file).toLowerCase() === '.xml' ? 'txml' : 'json';
}
