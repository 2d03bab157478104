import type { DeliveryRunOptions } from '../core/delivery/deliver-payloads.js';

/** The --retry flags as the commands that deliver take them (send-sample, scenario, doctor). */
export interface RetryFlags {
  retry?: boolean;
  maxRetries?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  maxRetryTimeMs?: number;
}

/** --retry and its limits as the delivery takes them; without --retry nothing is retried. */
export function retryPolicyOf(flags: RetryFlags): DeliveryRunOptions['retry'] {
  return {
    enabled: flags.retry === true,
    maxRetries: flags.maxRetries ?? 3,
    baseMs: flags.retryBaseMs ?? 1000,
    ...(flags.retryCapMs !== undefined ? { capMs: flags.retryCapMs } : {}),
    ...(flags.maxRetryTimeMs !== undefined ? { maxTimeMs: flags.maxRetryTimeMs } : {}),
  };
}
