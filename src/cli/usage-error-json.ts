import type { CommanderError } from '@commander-js/extra-typings';
import type { ErrorCode, ErrorJson } from '../errors.js';

/** commander's own error codes, as the stable codes of docs/error-codes.md. */
const CODES: Readonly<Record<string, ErrorCode>> = {
  'commander.unknownCommand': 'usage.unknown-command',
  'commander.unknownOption': 'usage.unknown-option',
  'commander.missingArgument': 'usage.missing-argument',
  'commander.optionMissingArgument': 'usage.missing-argument',
  'commander.missingMandatoryOptionValue': 'usage.missing-argument',
  'commander.invalidArgument': 'usage.invalid-argument',
  'commander.excessArguments': 'usage.too-many-arguments',
};

/** The error object for a usage error commander found: its message (suggestion included) and the help hint. */
export function commanderErrorJson(error: CommanderError, hint: string): ErrorJson {
  const message = error.message
    .replace(/^error: /, '')
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
  // The stderr line's "(run tc-webhook validate --help for usage)" as a sentence of its own.
  const sentence = hint.replace(/^\((.*)\)$/, '$1');
  return {
    error: {
      code: CODES[error.code] ?? 'usage',
      message,
      hint: sentence === '' ? null : sentence[0]!.toUpperCase() + sentence.slice(1),
    },
  };
}
