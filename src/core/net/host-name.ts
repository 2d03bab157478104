import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { UsageError } from '../../errors.js';

/** RFC 1035 §2.3.4 (253 characters written without the final dot) and RFC 1034 §3.1 (63 per label). */
const MAX_NAME = 253;
const MAX_LABEL = 63;
const SHOWN = 60;
// Letters, digits and hyphens (RFC 1123 §2.1); underscores too, which some internal names carry.
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/i;

/** A name as echoed in a message: never more than a line, however long the input. */
export function shortenForDisplay(text: string): string {
  return text.length <= SHOWN ? text : `${text.slice(0, SHOWN)}… (${text.length} characters)`;
}

function lengthProblem(name: string): string | undefined {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare.length > MAX_NAME) {
    return `is ${bare.length} characters long, and a DNS name has at most ${MAX_NAME}`;
  }
  const long = bare.split('.').find((label) => label.length > MAX_LABEL);
  if (long !== undefined) {
    return `has a label of ${long.length} characters ("${shortenForDisplay(long)}"), and DNS allows at most ${MAX_LABEL}`;
  }
  return undefined;
}

/**
 * The host and port of a URL the tool will connect to, checked before any connection: port 0 cannot
 * be listened on (the OS would report it as "connection refused"), and an over-long name is no DNS
 * name at all. `where` names the argument, e.g. `the target` or `--token-url`.
 */
export function checkHostAndPort(host: string, port: number | undefined, where: string): void {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const problem = isIP(bare) === 0 ? lengthProblem(bare) : undefined;
  if (problem !== undefined) {
    throw new UsageError(
      `${where}: the host name "${shortenForDisplay(bare)}" ${problem}`,
      'Check the host name in the URL',
    );
  }
  if (port === 0) {
    throw new UsageError(
      `${where}: port 0 is not a port a server can listen on`,
      'Give the port your endpoint listens on (1-65535), or leave it out for the default',
    );
  }
}

/**
 * --servername: what the client sends as SNI and checks the certificate against. SNI carries only a
 * DNS host name, never an IP address (RFC 6066 §3).
 */
export function checkServername(servername: string): void {
  const hint = 'Give the DNS name Tradecloud will call, e.g. --servername hooks.example.com';
  const shown = shortenForDisplay(servername);
  if (servername.trim() === '') throw new UsageError('--servername is empty', hint);
  if (isIP(servername.replace(/^\[(.*)\]$/, '$1')) !== 0) {
    throw new UsageError(
      `--servername ${shown} is an IP address, and SNI carries only DNS names (RFC 6066)`,
      'Leave --servername out to check an IP address, or give the host name the certificate is for',
    );
  }
  // IDNs are checked in their ASCII form, the one on the wire.
  const ascii = domainToASCII(servername);
  const problem = lengthProblem(ascii || servername);
  if (problem !== undefined) throw new UsageError(`--servername "${shown}" ${problem}`, hint);
  const labels = (ascii.endsWith('.') ? ascii.slice(0, -1) : ascii).split('.');
  if (ascii === '' || !labels.every((label) => LABEL.test(label))) {
    throw new UsageError(`--servername "${shown}" is not a valid DNS name`, hint);
  }
}
