import { NetworkError } from '../../errors.js';
import { FAILURE_WORDS } from '../net/failure-words.js';
import type { FailureKind, HandshakeFailure } from './probe-types.js';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
// OpenSSL's record layer cannot parse what came back: the peer is not speaking TLS at all.
const NOT_TLS = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|UNKNOWN_PROTOCOL|BAD_PACKET_LENGTH|RECORD_LAYER/;
// Raised before anything is sent: this Node.js / OpenSSL build cannot offer the version.
const CLIENT_UNSUPPORTED = /NO_PROTOCOLS_AVAILABLE|NO_CIPHERS_AVAILABLE|ERR_TLS_INVALID_PROTOCOL_VERSION/;

export function classifyHandshakeError(error: unknown, connected: boolean): HandshakeFailure {
  const code = (error as { code?: unknown }).code;
  // OpenSSL 3.2+ (Node 22 and later) names alerts "SSL/TLS_ALERT_…" where 3.0 says "SSLV3_ALERT_…":
  // one name for each alert, whatever the Node.js line.
  const text = typeof code === 'string' ? code.replace('ERR_SSL_SSL/TLS_ALERT_', 'ERR_SSL_SSLV3_ALERT_') : '';
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, kind: kindOf(text), connected, code: text, message };
}

function kindOf(code: string): FailureKind {
  if (code === 'ECONNREFUSED') return 'refused';
  if (DNS_CODES.has(code)) return 'dns';
  if (UNREACHABLE_CODES.has(code)) return 'unreachable';
  if (code === 'ETIMEDOUT') return 'timeout';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'closed';
  if (CLIENT_UNSUPPORTED.test(code)) return 'client-unsupported';
  if (NOT_TLS.test(code)) return 'not-tls';
  if (code.startsWith('ERR_SSL_')) return 'rejected';
  return 'other';
}

// The most telling failure explains the outcome: a DNS error explains every later symptom.
const PRIORITY: FailureKind[] = [
  'dns',
  'refused',
  'unreachable',
  'not-tls',
  'closed',
  'timeout',
  'other',
  'client-unsupported',
];

export function pickFailure(failures: HandshakeFailure[]): HandshakeFailure | undefined {
  for (const kind of PRIORITY) {
    const found = failures.find((f) => f.kind === kind);
    if (found) return found;
  }
  return failures[0];
}

export function formatHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** A short, printable view of what a non-TLS port answered, e.g. `HTTP/1.1 400 Bad Request`. */
export function previewGreeting(bytes: Buffer): string {
  const head = bytes.subarray(0, 48);
  const printable = [...head].filter((b) => b === 9 || (b >= 32 && b < 127) || b === 10 || b === 13);
  if (printable.length < head.length * 0.8) {
    return `${bytes.length} bytes of binary data: ${head.subarray(0, 12).toString('hex')}…`;
  }
  const line = head.toString('latin1').split(/\r?\n/)[0] ?? '';
  return `"${line.replace(/[^\x20-\x7e]/g, '?')}${bytes.length > line.length + 2 ? '…' : ''}"`;
}

export interface UnreachableContext {
  host: string;
  port: number;
  timeoutMs: number;
  /** The first bytes the port sent back, when it answered but not with TLS. */
  greeting?: Buffer;
}

/** The one line (message + hint) for a target that cannot be checked at all: exit code 2. */
export function describeUnreachable(failure: HandshakeFailure, context: UnreachableContext): NetworkError {
  const where = formatHostPort(context.host, context.port);
  const ms = context.timeoutMs;
  switch (failure.kind) {
    case 'dns':
      return new NetworkError(
        `cannot connect to ${where}: ${FAILURE_WORDS[failure.code ?? ''] ?? FAILURE_WORDS.ENOTFOUND}`,
        'Check the spelling of the host name, and your DNS or network connection',
        { code: 'network.dns' },
      );
    case 'refused':
      return new NetworkError(
        `cannot connect to ${where}: ${FAILURE_WORDS.ECONNREFUSED}`,
        'Check the host and port, and that the server is running',
        { code: 'network.refused' },
      );
    case 'unreachable':
      return new NetworkError(
        `cannot connect to ${where}: ${FAILURE_WORDS[failure.code ?? ''] ?? FAILURE_WORDS.EHOSTUNREACH}`,
        'Check the host, your network connection and any firewall in between',
      );
    case 'timeout':
      return failure.connected
        ? new NetworkError(
            `${where} accepted the connection but did not answer the TLS handshake within ${ms} ms`,
            'Check that this port serves HTTPS (TLS), or raise --timeout',
            { code: 'network.timeout' },
          )
        : new NetworkError(
            `${where} did not answer within ${ms} ms`,
            'Check the host, the port and any firewall in between, or raise --timeout',
            { code: 'network.timeout' },
          );
    case 'not-tls':
    case 'closed':
      return describeNotTls(where, failure, context.greeting);
    case 'client-unsupported':
      return new NetworkError(
        `cannot check ${where}: this Node.js cannot offer any TLS version (${failure.code})`,
        'Use Node.js 20 or later with its bundled OpenSSL',
      );
    default:
      return new NetworkError(
        `cannot connect to ${where}: ${failure.message}`,
        'Check the host and port, and that the server is running',
      );
  }
}

function describeNotTls(
  where: string,
  failure: HandshakeFailure,
  greeting: Buffer | undefined,
): NetworkError {
  const hint = 'Check the port: Tradecloud needs it to serve HTTPS (TLS)';
  const code = { code: 'network.not-tls' } as const;
  if (greeting && greeting.length > 0) {
    return new NetworkError(`${where} does not speak TLS (got ${previewGreeting(greeting)})`, hint, code);
  }
  if (failure.kind === 'not-tls') {
    return new NetworkError(`${where} does not speak TLS (its answer is not a TLS handshake)`, hint, code);
  }
  return new NetworkError(`${where} closed the connection without completing a TLS handshake`, hint, code);
}
