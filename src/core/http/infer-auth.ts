import { UsageError } from '../../errors.js';
import type { AuthMethod } from './auth-credentials.js';

type Method = Exclude<AuthMethod, 'none'>;

export interface InferredAuth {
  auth: AuthMethod;
  /** The credential flags the method was inferred from (absent when --auth named it, or for none). */
  inferredFrom?: string[];
  /** TC_WEBHOOK_* variables that were set but do not apply: variables alone never switch auth on. */
  ignoredVariables: string[];
}

export interface AuthFlagsGiven {
  /** `--auth` as given, or undefined when absent. */
  explicit: AuthMethod | undefined;
  /** The credential flags given on the command line, by the method they belong to. */
  flags: Partial<Record<Method, string[]>>;
  /** The TC_WEBHOOK_* variables that are set, by the method they belong to. */
  variables: Partial<Record<Method, string[]>>;
}

/**
 * `--auth` from the credential flags when it is absent (`--token` → bearer, `--username` /
 * `--password` → basic, the OAuth 2.0 flags → oauth2): credentials are never silently ignored.
 * Flags of two methods, or flags that contradict `--auth`, are a usage error. Environment
 * variables alone never switch authentication on; they fill in the method's other values.
 */
export function inferAuth(given: AuthFlagsGiven): InferredAuth {
  const methods = (Object.keys(given.flags) as Method[]).filter((m) => (given.flags[m] ?? []).length > 0);
  const list = (m: Method) => (given.flags[m] ?? []).join(', ');
  if (methods.length > 1) {
    throw new UsageError(
      `${methods.map((m) => `${list(m)} (${m})`).join(' and ')} belong to different authentication methods`,
      'Give the credential flags of one method; --auth names it when in doubt',
    );
  }
  const fromFlags = methods[0];
  if (given.explicit !== undefined && fromFlags !== undefined && fromFlags !== given.explicit) {
    throw new UsageError(
      `--auth ${given.explicit} contradicts ${list(fromFlags)}, which ${given.flags[fromFlags]!.length > 1 ? 'are' : 'is'} for --auth ${fromFlags}`,
      given.explicit === 'none'
        ? `Drop ${list(fromFlags)}, or use --auth ${fromFlags}`
        : `Use --auth ${fromFlags}, or the flags of --auth ${given.explicit}`,
    );
  }
  const auth: AuthMethod = given.explicit ?? fromFlags ?? 'none';
  const ignoredVariables = (Object.keys(given.variables) as Method[])
    .filter((m) => m !== auth)
    .flatMap((m) => given.variables[m] ?? []);
  return {
    auth,
    ...(given.explicit === undefined && fromFlags !== undefined
      ? { inferredFrom: given.flags[fromFlags]! }
      : {}),
    ignoredVariables,
  };
}

/** The warning for variables that were set but not used, or undefined. */
export function ignoredVariablesNote(ignored: string[], auth: AuthMethod): string | undefined {
  if (ignored.length === 0) return undefined;
  const names = ignored.join(', ');
  return auth === 'none'
    ? `${names} ${ignored.length > 1 ? 'are' : 'is'} set but ignored: environment variables alone never switch authentication on (give --auth or a credential flag)`
    : `${names} ${ignored.length > 1 ? 'are' : 'is'} set but ignored: they do not belong to --auth ${auth}`;
}
