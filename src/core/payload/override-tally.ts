import { UsageError } from '../../errors.js';
import type { BodyOverrides, OverrideTally } from './body-overrides.js';

/** A new tally for one run: every body the run builds is overridden with the same one. */
export function createOverrideTally(): OverrideTally {
  return { applied: new Set(), missed: new Map(), unknown: new Set() };
}

/**
 * An override that changed no body of the whole run is a mistake the user would not see (a typo
 * in an event object, an index past the end, a path through a string, a webhook type the run
 * never sends): refused, naming the override and why it missed.
 */
export function checkOverridesApplied(overrides: BodyOverrides, tally: OverrideTally): void {
  for (const overlay of overrides.overlays) {
    if (tally.applied.has(overlay)) continue;
    throw noEffect(overlay.label ?? `--overlay ${overlay.file}`, tally.missed.get(overlay));
  }
  for (const set of overrides.sets) {
    if (tally.applied.has(set)) continue;
    throw noEffect(set.label ?? `--set ${set.text}`, tally.missed.get(set));
  }
}

function noEffect(label: string, why: string | undefined): UsageError {
  return new UsageError(
    `${label} changes no body of this run${why ? `: ${why}` : ''}`,
    'Check the path against `tc-webhook sample` output for the events you send, or leave the override out',
    { code: 'usage.override-no-effect' },
  );
}
