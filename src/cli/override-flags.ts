import type { Command, OptionValues } from '@commander-js/extra-typings';
import { parseSetOverride, type BodyOverrides, type SetOverride } from '../core/payload/body-overrides.js';
import { CliError } from '../errors.js';
import { InvalidArgumentError } from './commander.js';
import { collect } from './flags.js';

/** --overlay and --set (sample, send-sample, doctor): the user's own data in generated bodies. */
export function addOverrideOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
) {
  return cmd
    .option(
      '--overlay <file.json>',
      'deep-merge this partial body into every generated body with the same event object (repeatable)',
      collect,
      [],
    )
    .option(
      '--set <path=value>',
      "set a field of the generated bodies, e.g. 'orderEvent.lines.*.buyerLine.item.number=ART-100' (repeatable; after --overlay)",
      collectSet,
      [],
    );
}

function collectSet(value: string, previous: SetOverride[] = []): SetOverride[] {
  try {
    return [...previous, parseSetOverride(value)];
  } catch (error) {
    throw new InvalidArgumentError(
      error instanceof CliError ? `${error.message}. ${error.hint ?? ''}` : String(error),
    );
  }
}

/** The overrides of the parsed options, overlays read from disk; undefined when none were given. */
export async function overridesFrom(
  o: Record<string, unknown>,
  cwd: string,
): Promise<BodyOverrides | undefined> {
  const files = (o.overlay as string[] | undefined) ?? [];
  const sets = (o.set as SetOverride[] | undefined) ?? [];
  if (files.length === 0 && sets.length === 0) return undefined;
  const { readOverlays } = await import('../core/payload/override-bodies.js');
  return { overlays: await readOverlays(files, cwd), sets };
}
