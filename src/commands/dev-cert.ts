import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { buildDevCertificates } from '../core/dev-cert/build-dev-certificates.js';
import { DEV_CERT_FILES, MANIFEST, writeDevCertFolder } from '../core/dev-cert/dev-cert-folder.js';
import type { DevCertReport } from '../report/dev-cert-report.js';
import type { CommandContext } from './context.js';

export interface DevCertOptions {
  dir: string;
  names: readonly string[];
}

/** Always covered: what `listen` binds by default and what a local client connects to. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const DAYS = 90;
const DNS_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function checkName(name: string): string {
  const bare = name.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) !== 0) return bare;
  if (DNS_NAME.test(name)) return name.toLowerCase();
  throw new UsageError(
    `--name "${name}" is neither a host name nor an IP address`,
    name.includes('*')
      ? 'Give each host name on its own --name (wildcards are not issued)'
      : 'Give a host name such as hook.localhost, or an IP address',
  );
}

/** A path as a shell would need it typed. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

export async function devCertCommand(options: DevCertOptions, ctx: CommandContext): Promise<DevCertReport> {
  const names = [...new Set([...LOOPBACK_NAMES, ...options.names.map(checkName)])];
  const now = ctx.deps.now();
  const keys = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caKeys = keys();
  const leafKeys = keys();
  const made = buildDevCertificates({ names, now, days: DAYS, caKeys, leafKeys, random: randomBytes });
  const pem = (key: typeof caKeys) => key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const { replaced } = await writeDevCertFolder(
    resolve(ctx.cwd, options.dir),
    options.dir,
    { ca: made.caPem, caKey: pem(caKeys), cert: made.certPem, key: pem(leafKeys) },
    { createdAt: now, expiresAt: made.notAfter, names },
  );
  const shown = (name: string) => join(options.dir, name);
  const files = {
    ca: shown(DEV_CERT_FILES.ca),
    caKey: shown(DEV_CERT_FILES.caKey),
    cert: shown(DEV_CERT_FILES.cert),
    key: shown(DEV_CERT_FILES.key),
    manifest: shown(MANIFEST),
  };
  return {
    ok: true,
    dir: options.dir,
    names,
    expiresAt: made.notAfter.toISOString(),
    replaced,
    files,
    flags: {
      listen: `--cert ${shellWord(files.cert)} --key ${shellWord(files.key)}`,
      trust: `--ca ${shellWord(files.ca)}`,
    },
  };
}
