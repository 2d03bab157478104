/**
 * Text from outside (file names, answer bodies, certificate subjects, payload values) in a Markdown
 * table cell: shown as the characters it is, never as markup, a link, an image or HTML, and never
 * ending the cell or the row.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
    .replace(/\r\n|\r|\n/g, '<br>');
}
