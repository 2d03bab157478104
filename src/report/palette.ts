import { Chalk, type ChalkInstance } from 'chalk';

/** A chalk instance whose colour is decided by the caller, never by chalk's own detection. */
export function palette(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
