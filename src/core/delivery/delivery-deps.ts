import type { Dispatcher } from 'undici';
import type { DeliveryAgentOptions, DeliveryLanes } from '../http/delivery-agent.js';
import type { LookupAll } from '../net/clear-text-route.js';

/** What the delivery service needs of the outside world; the CLI builds it once (src/cli/command-deps.ts). */
export interface DeliveryDeps {
  /** Opens a keep-alive connection pool (undici, loaded on first use): the token endpoint's. */
  createDispatcher: (options: DeliveryAgentOptions) => Promise<Dispatcher>;
  /** Opens the connections of the requests to one URL, a lane per burst worker. */
  createLanes: (options: DeliveryAgentOptions, origin: string) => Promise<DeliveryLanes>;
  /** Resolves every address of a host name, for the clear-text credential rule. */
  lookup: LookupAll;
  /** Monotonic milliseconds, for durations. */
  monotonic: () => number;
  /** Wall-clock milliseconds, for token lifetimes. */
  wallClock: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Progress of a run, e.g. a bar on a terminal; quiet by default. */
export interface DeliveryProgress {
  tick(): void;
  stop(): void;
}
