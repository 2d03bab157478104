import type { ParseErrorCode } from 'jsonc-parser';
import { jsonc } from './jsonc.js';
import { lineColumnAt } from '../text/line-column.js';
import { StopVisit } from './stop-visit.js';

export interface JsonSyntaxProblem {
  message: string;
  line: number;
  column: number;
}

export type ParsedJson = { value: unknown } | { syntax: JsonSyntaxProblem };

/** What each jsonc-parser error code means, in the words the report uses. */
function words(): Partial<Record<ParseErrorCode, string>> {
  const { ParseErrorCode } = jsonc();
  return {
    [ParseErrorCode.InvalidSymbol]: 'unexpected character',
    [ParseErrorCode.InvalidNumberFormat]: 'invalid number',
    [ParseErrorCode.PropertyNameExpected]: 'expected a field name in double quotes',
    [ParseErrorCode.ValueExpected]: 'expected a value',
    [ParseErrorCode.ColonExpected]: 'expected ":" after the field name',
    [ParseErrorCode.CommaExpected]: 'expected "," between values',
    [ParseErrorCode.CloseBraceExpected]: 'expected "}" to close the object',
    [ParseErrorCode.CloseBracketExpected]: 'expected "]" to close the array',
    [ParseErrorCode.EndOfFileExpected]: 'unexpected content after the end of the JSON value',
    [ParseErrorCode.InvalidCommentToken]: 'comments are not allowed in JSON',
    [ParseErrorCode.UnexpectedEndOfComment]: 'unterminated comment',
    [ParseErrorCode.UnexpectedEndOfString]: 'unterminated string',
    [ParseErrorCode.UnexpectedEndOfNumber]: 'incomplete number',
    [ParseErrorCode.InvalidUnicode]: 'invalid \\u escape in a string',
    [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape character in a string',
    [ParseErrorCode.InvalidCharacter]: 'unescaped control character in a string',
  };
}

/** JSON.parse for speed; on failure, a second scan says what is wrong and where (1-based). */
export function parseJsonPayload(text: string): ParsedJson {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { syntax: locateSyntaxError(text) ?? fallbackProblem(text, error as Error) };
  }
}

function locateSyntaxError(text: string): JsonSyntaxProblem | undefined {
  let found: JsonSyntaxProblem | undefined;
  try {
    jsonc().visit(
      text,
      {
        onError: (code, _offset, _length, line, character) => {
          found = {
            message: `malformed JSON: ${words()[code] ?? 'syntax error'}`,
            line: line + 1,
            column: character + 1,
          };
          throw new StopVisit();
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (error) {
    if (!(error instanceof StopVisit)) throw error;
  }
  return found;
}

function fallbackProblem(text: string, error: Error): JsonSyntaxProblem {
  const offset = Number(/at position (\d+)/.exec(error.message)?.[1] ?? 0);
  const { line, column } = lineColumnAt(text, offset);
  return { message: `malformed JSON: ${error.message.split('\n')[0] ?? ''}`, line, column };
}
