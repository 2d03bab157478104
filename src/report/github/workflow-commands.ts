/**
 * GitHub Actions workflow commands, as the runner reads them from a step's stdout and stderr
 * (https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands): a line
 * `::name key=value,…::data`, found after leading white space, and the older `##[name]data`, found
 * anywhere in a line. Pure text in, text out: the CLI decides where it goes.
 */

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** One annotation: a finding shown on the run's summary page and, with a `file`, beside that file. */
export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  /** Relative to the workspace (the repository checkout), with `/` separators. */
  file?: string;
  line?: number;
  col?: number;
}

/** Data (the text after `::`): `%`, CR and LF are escaped, so the text stays on its one line. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as data, and `:` and `,` too, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotationLine(annotation: Annotation): string {
  const properties: string[] = [];
  if (annotation.file !== undefined) properties.push(`file=${escapeProperty(annotation.file)}`);
  if (annotation.line !== undefined) properties.push(`line=${annotation.line}`);
  if (annotation.col !== undefined) properties.push(`col=${annotation.col}`);
  if (annotation.title !== undefined) properties.push(`title=${escapeProperty(annotation.title)}`);
  const head = properties.length > 0 ? `${annotation.level} ${properties.join(',')}` : annotation.level;
  return `::${head}::${escapeData(annotation.message)}`;
}

/**
 * `::add-mask::` lines for a secret: the runner then hides the value wherever it appears in the log.
 * A secret spanning lines is announced line by line as well (the log is masked a line at a time).
 */
export function addMaskLines(secrets: Iterable<string>): string[] {
  const values = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    values.add(secret);
    for (const line of secret.split(/\r\n|\r|\n/)) if (line.trim() !== '') values.add(line);
  }
  return [...values].map((value) => `::add-mask::${escapeData(value)}`);
}

/**
 * Text the tool did not write itself (answer bodies, certificate subjects, payload values) is
 * printed between `::stop-commands::<token>` and `::<token>::`: the runner runs no command in
 * between, whatever the text holds. The token is random per fence, so the text cannot end it.
 */
export function fenceCommands(text: string, token: string): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `::stop-commands::${token}\n${body}::${token}::\n`;
}

/**
 * JSON on stdout is data for a program and is not fenced; a `#` appears in JSON only inside
 * strings, so writing it as `\u0023` (the same value) leaves no `##[` for the runner to read.
 * No line of indented JSON can start with `::`: every string starts with a quote.
 */
export function neutralizeJson(json: string): string {
  return json.replace(/#/g, '\\u0023');
}
