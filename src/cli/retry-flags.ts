/** --retry and its limits (send-sample, scenario, doctor): Tradecloud's delivery policy, bounded for a test run. */
import type { Command, OptionValues } from '@commander-js/extra-typings';
import { InvalidArgumentError } from './commander.js';
import { MAX_TIMER_MS, positiveInt, retryDelaysFit, timerMs } from './flags.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90s`, `10m`, `1h`, `500ms`; a bare number is milliseconds. */
export function parseDuration(name: string): (value: string) => number {
  return (value) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value);
    const ms = match ? Math.round(Number(match[1]) * UNITS[match[2] ?? 'ms']!) : Number.NaN;
    if (!Number.isSafeInteger(ms) || ms < 1 || ms > MAX_TIMER_MS) {
      throw new InvalidArgumentError(
        `${name} must be a duration such as 90s, 10m or 1h (a bare number is milliseconds), at most 24 days, got "${value}".`,
      );
    }
    return ms;
  };
}

export function addRetryOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
) {
  return cmd
    .option('--retry', "follow Tradecloud's retry policy: retry answers above 500 with back-off", false)
    .option('--max-retries <n>', 'retries per request with --retry', positiveInt('--max-retries', 0), 3)
    .option(
      '--retry-base-ms <ms>',
      'first back-off delay with --retry; doubles each time',
      timerMs('--retry-base-ms', 0),
      1000,
    )
    .option(
      '--retry-cap-ms <ms>',
      'longest back-off delay with --retry (the doubling stops there)',
      timerMs('--retry-cap-ms'),
    )
    .option(
      '--max-retry-time <duration>',
      'with --retry, start no retry once a request (back-off included) would take longer than this, e.g. 2m',
      parseDuration('--max-retry-time'),
    );
}

export interface RetryFlags {
  retry: boolean;
  maxRetries: number;
  retryBaseMs: number;
  retryCapMs?: number;
  maxRetryTimeMs?: number;
}

/** The retry options of parsed flags; a back-off that cannot fit a timer is a usage error. */
export function retryOf(o: Record<string, unknown>): RetryFlags {
  const flags: RetryFlags = {
    retry: o.retry as boolean,
    maxRetries: o.maxRetries as number,
    retryBaseMs: o.retryBaseMs as number,
    ...(o.retryCapMs !== undefined ? { retryCapMs: o.retryCapMs as number } : {}),
    ...(o.maxRetryTime !== undefined ? { maxRetryTimeMs: o.maxRetryTime as number } : {}),
  };
  // With a cap, the delays stop growing there, so only an uncapped doubling can overflow.
  if (flags.retryCapMs === undefined) retryDelaysFit(flags.retryBaseMs, flags.maxRetries);
  return flags;
}
