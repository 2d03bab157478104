import type { Command, OptionValues } from '@commander-js/extra-typings';
import { Option } from './commander.js';

/** Comma lists, repeatable: `--event A,B --event C` is A, B and C. */
function collectNames(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  ];
}

/**
 * `--event` and `--events`: one flag under two spellings (sample, send-sample, doctor), a comma
 * list, repeatable. Only `--event` shows in --help; its text names the other spelling.
 */
export function addEventOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
  description: string,
) {
  return cmd
    .option('--event <names>', `${description} (comma-separated; --events is the same flag)`, collectNames)
    .addOption(new Option('--events <names>', 'the same as --event').argParser(collectNames).hideHelp());
}

/** The event names of both spellings, in the order given; undefined when neither was given. */
export function eventsOf(o: { event?: string[]; events?: string[] }): string[] | undefined {
  const names = [...(o.event ?? []), ...(o.events ?? [])];
  return o.event === undefined && o.events === undefined ? undefined : [...new Set(names)];
}
