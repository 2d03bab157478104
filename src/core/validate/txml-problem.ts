import type { TxmlError } from '../txml/txml-error.js';

export interface TxmlProblem {
  message: string;
  line?: number;
  column?: number;
}

/**
 * Why a tXML document cannot be read, with its position in fields of its own: the one wording of
 * validate's error and send-sample --file's warning for the same file.
 */
export function describeTxmlProblem(error: TxmlError): TxmlProblem {
  const position = error.line === undefined ? {} : { line: error.line, column: error.column ?? 1 };
  // The position is reported in its own fields, so it is taken out of the sentence.
  const words = error.message.replace(/\s*\(line \d+, column \d+\)|\s+at line \d+, column \d+/g, '');
  const lead = error.unsafe ? 'unsafe' : 'malformed';
  const message = words.toLowerCase().includes(lead) ? words : `${lead} XML: ${words}`;
  return { message, ...position };
}
