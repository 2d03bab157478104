/**
 * A hand-built TLS 1.0–1.2 ClientHello (RFC 5246 §7.4.1.2) and the reading of the server's answer,
 * as sslscan and testssl.sh's socket mode do. It needs no cipher implementation on our side, so it can
 * offer suites this Node.js's OpenSSL refuses to (3DES, RC4, DES, EXPORT, IDEA, SEED), and costs one
 * round trip: the ServerHello names the server's choice, then the connection is closed.
 */

/** The wire version of SSL 3.0 (only ever probed, never used), TLS 1.0, 1.1 and 1.2. */
export const WIRE_VERSIONS = { SSLv3: 0x0300, TLSv1: 0x0301, 'TLSv1.1': 0x0302, 'TLSv1.2': 0x0303 } as const;
export type LegacyVersion = keyof typeof WIRE_VERSIONS;

// x25519, secp256r1, secp384r1, secp521r1, x448, ffdhe2048, ffdhe3072, ffdhe4096 (RFC 8422, RFC 7919).
const GROUPS = [0x001d, 0x0017, 0x0018, 0x0019, 0x001e, 0x0100, 0x0101, 0x0102];
// ecdsa/rsa_pss/rsa with SHA-256/384/512, then SHA-1 ones (RFC 8446 §4.2.3 codes, valid in TLS 1.2).
const SIGNATURE_ALGORITHMS = [
  0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0203, 0x0201,
];
const RENEGOTIATION_SCSV = 0x00ff;

const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u24 = (n: number) => [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const list16 = (values: number[]) => values.flatMap(u16);
const vector16 = (bytes: number[]) => [...u16(bytes.length), ...bytes];
const extension = (type: number, body: number[]) => [...u16(type), ...vector16(body)];

function helloExtensions(wire: number, servername: string | undefined): number[] {
  const extensions: number[] = [];
  if (servername) {
    const name = [...Buffer.from(servername, 'ascii')];
    extensions.push(...extension(0x0000, vector16([0, ...vector16(name)])));
  }
  extensions.push(...extension(0x000a, vector16(list16(GROUPS))));
  extensions.push(...extension(0x000b, [1, 0])); // ec_point_formats: uncompressed
  if (wire === WIRE_VERSIONS['TLSv1.2'])
    extensions.push(...extension(0x000d, vector16(list16(SIGNATURE_ALGORITHMS))));
  return extensions;
}

export function buildClientHello(options: {
  version: LegacyVersion;
  suites: readonly number[];
  servername?: string;
  random: Uint8Array;
}): Buffer {
  const wire = WIRE_VERSIONS[options.version];
  // SSL 3.0 predates extensions; some servers refuse an SSL 3.0 hello that carries them.
  const extensions = wire === WIRE_VERSIONS.SSLv3 ? [] : helloExtensions(wire, options.servername);
  const body = [
    ...u16(wire),
    ...options.random,
    0, // no session id
    ...vector16(list16([...options.suites, RENEGOTIATION_SCSV])),
    1,
    0, // compression: null only
    ...(extensions.length > 0 ? vector16(extensions) : []),
  ];
  const handshake = [0x01, ...u24(body.length), ...body];
  // The record layer says TLS 1.0 (SSL 3.0 for SSL 3.0), as browsers do: some servers drop hellos with
  // a newer record version.
  const record = Math.min(wire, WIRE_VERSIONS.TLSv1);
  return Buffer.from([0x16, ...u16(record), ...u16(handshake.length), ...handshake]);
}

export type ServerAnswer =
  | { kind: 'chosen'; version: number; suite: number }
  | { kind: 'alert'; description: number }
  | { kind: 'not-tls' };

/**
 * Reads the server's first answer from the bytes received so far: undefined while more are needed.
 * A ServerHello may be split over records, so handshake bytes are gathered across records.
 */
export function readServerAnswer(bytes: Buffer): ServerAnswer | undefined {
  const handshake: number[] = [];
  let offset = 0;
  while (offset + 5 <= bytes.length) {
    const type = bytes[offset]!;
    const length = bytes.readUInt16BE(offset + 3);
    if (type !== 0x15 && type !== 0x16) return { kind: 'not-tls' };
    if (bytes[offset + 1] !== 0x03 || length > 18432) return { kind: 'not-tls' };
    if (offset + 5 + length > bytes.length) {
      if (type === 0x16) handshake.push(...bytes.subarray(offset + 5));
      break;
    }
    const content = bytes.subarray(offset + 5, offset + 5 + length);
    if (type === 0x15) return { kind: 'alert', description: content[1] ?? 0 };
    handshake.push(...content);
    offset += 5 + length;
  }
  if (handshake.length < 4) return undefined;
  if (handshake[0] !== 0x02) return { kind: 'not-tls' };
  // ServerHello: version(2) random(32) session_id<0..32> cipher_suite(2)
  const sessionIdLength = handshake[4 + 34];
  if (sessionIdLength === undefined) return undefined;
  const at = 4 + 35 + sessionIdLength;
  if (handshake.length < at + 2) return undefined;
  return {
    kind: 'chosen',
    version: (handshake[4]! << 8) | handshake[5]!,
    suite: (handshake[at]! << 8) | handshake[at + 1]!,
  };
}
