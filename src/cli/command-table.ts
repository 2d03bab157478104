import type { Command } from '@commander-js/extra-typings';
import type { CliRuntime } from './runtime.js';

export type Configure = (command: Command, rt: CliRuntime) => void;

export interface CommandEntry {
  name: string;
  /** What `tc-webhook --help` lists. */
  description: string;
  /** Adds the command's arguments, flags and action. */
  load: () => Promise<Configure>;
}

/**
 * Every command. A command's flags and action are loaded only when that command runs (or its help is
 * asked for), so start-up reads one configuration module, not five.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'check-tls',
    description: "check the endpoint's TLS versions and certificate against Tradecloud's rules",
    load: async () => (await import('./configure-check-tls.js')).configureCheckTls,
  },
  {
    name: 'send-sample',
    description: 'POST sample or stored webhook payloads to your endpoint, as Tradecloud would',
    load: async () => (await import('./configure-send-sample.js')).configureSendSample,
  },
  {
    name: 'sample',
    description: 'print one generated webhook payload (the request body)',
    load: async () => (await import('./configure-sample.js')).configureSample,
  },
  {
    name: 'validate',
    description: 'validate stored payloads (JSON or tXML) against the webhook OpenAPI schemas',
    load: async () => (await import('./configure-validate.js')).configureValidate,
  },
  {
    name: 'schema',
    description: 'print a bundled webhook schema: OpenAPI, JSON Schema or TypeScript, for your own code',
    load: async () => (await import('./configure-schema.js')).configureSchema,
  },
  {
    name: 'doctor',
    description: 'one readiness verdict: would Tradecloud deliver every enabled event to this endpoint?',
    load: async () => (await import('./configure-doctor.js')).configureDoctor,
  },
  {
    name: 'dev-cert',
    description: 'make a local test CA and a certificate for localhost, to run listen over HTTPS',
    load: async () => (await import('./configure-dev-cert.js')).configureDevCert,
  },
  {
    name: 'scenario',
    description:
      'send a coherent story of events (an order, a shipment) and judge each answer as Tradecloud would',
    load: async () => (await import('./configure-scenario.js')).configureScenario,
  },
  {
    name: 'listen',
    description: 'a webhook endpoint that enforces auth, validates, saves and forwards each delivery',
    load: async () => (await import('./configure-listen.js')).configureListen,
  },
  {
    name: 'completion',
    description:
      'print a shell completion script (bash, zsh or fish), made from these very commands and flags',
    load: async () => (await import('./configure-completion.js')).configureCompletion,
  },
  {
    name: 'api-mock',
    description:
      "a local stand-in for Tradecloud's document API: login, document metadata, expiring download links",
    load: async () => (await import('./configure-api-mock.js')).configureApiMock,
  },
];

/**
 * The command argv names: `tc-webhook [--verbose] <command> …` or `tc-webhook help <command>`.
 * The program's own flags take no values, so the first word is the command.
 */
export function invokedCommand(args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}
