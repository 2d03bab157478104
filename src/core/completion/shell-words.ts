/** Quoting for the scripts the completion renderers write. */

/** A POSIX shell single-quoted word (bash, zsh): `'` closes, is escaped, and reopens. */
export function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A fish single-quoted word: only `\` and `'` are escaped. */
export function fishQuoted(text: string): string {
  return `'${text.replace(/[\\']/g, (ch) => `\\${ch}`)}'`;
}

/** One line of text: completion menus show a single line per entry. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A shell function name made of the program's name. */
export function functionName(program: string): string {
  return `_${program.replace(/[^A-Za-z0-9]/g, '_')}`;
}
