import { createRequire } from 'node:module';
import type * as CommanderModule from '@commander-js/extra-typings';

/**
 * commander, as the build prepares it (src/build/bundle-commander.ts): one CommonJS file that does
 * not load node:child_process until a subcommand is spawned, which tc-webhook never does. Requiring
 * it rather than importing spares Node.js analysing a CommonJS file for ESM. The classes are typed
 * with @commander-js/extra-typings (a dev dependency, types only here: its own runtime file
 * re-exports these very classes), so an action sees its options' types.
 */
const commander = createRequire(import.meta.url)('#vendor/commander') as typeof CommanderModule;

export const { Argument, Command, CommanderError, InvalidArgumentError, Option } = commander;
