/**
 * The stable ids of the errors that stop a command (exit 2), as `--json` prints them in
 * `{"error": {"code", "message", "hint"}}`. Scripts branch on these: a code never changes meaning
 * and is never removed; new ones are added here and in docs/error-codes.md (a test keeps the two
 * in step). A general code (`usage`, `input`, `network`) covers every error of its kind that has
 * no narrower code yet.
 */
export const ERROR_CODES = {
  usage: 'bad arguments or flags that cannot work together',
  'usage.unknown-command': 'no command of that name',
  'usage.unknown-option': 'a flag the command does not have',
  'usage.missing-argument': 'a required argument or flag value is missing',
  'usage.invalid-argument': 'a flag or argument value is out of range or not one of its choices',
  'usage.too-many-arguments': 'more arguments than the command takes',
  'usage.unknown-event': 'an event name Tradecloud does not send',
  'usage.override-no-effect': 'an --overlay or --set that changes no body of the run',
  cancelled: "doctor's confirmation question was answered no (nothing was sent)",
  input: 'a file, directory, stdin or spec could not be read or used',
  'input.not-found': 'a file or directory that does not exist',
  'input.too-large': 'an input over --max-size',
  'input.refused-ref': 'a $ref of a --spec leading outside its folder or origin',
  'input.not-a-spec': 'a --spec that is not a Swagger 2.0 or OpenAPI 3.x document or JSON Schema',
  'input.exists': 'a file the command would write exists and was not made by it',
  network: 'the endpoint or a service it needs could not be reached',
  'network.dns': 'the host name does not resolve',
  'network.refused': 'connection refused',
  'network.timeout': 'no connection or no answer within --timeout',
  'network.tls': 'the TLS connection was refused or the certificate is not accepted',
  'network.not-tls': 'the port does not speak TLS',
  'network.no-answer': 'connected, but no usable HTTP answer',
  'network.proxy': 'the forward proxy could not be used',
  'network.token': 'the OAuth 2.0 token endpoint gave no token',
  'listen.address-in-use': 'listen: the port is already taken',
  'documents-api.address-in-use': 'api-mock or --documents-api: the port is already taken',
  internal: 'a bug in tc-webhook (the message asks for a report)',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;
