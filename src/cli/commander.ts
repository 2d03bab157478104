import { createRequire } from 'node:module';
import type * as CommanderModule from '@commander-js/extra-typings';

/**
 * commander is CommonJS; its ESM entry wraps the CommonJS file, so an `import` loads and analyses it
 * twice. Requiring it directly saves about a third of its load time on every run of the CLI.
 * The classes are typed with @commander-js/extra-typings (a dev dependency, types only here: its own
 * runtime file re-exports these very classes), so an action sees its options' types.
 */
const commander = createRequire(import.meta.url)('commander') as typeof CommanderModule;

export const { Argument, Command, CommanderError, InvalidArgumentError, Option } = commander;
