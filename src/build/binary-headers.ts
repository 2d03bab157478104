/**
 * Checks that a built single executable is what its platform loads, since only the host's can run
 * where it is built: the file format and CPU in its header (ELF x86-64 or AArch64, 64-bit Mach-O
 * x86-64 or arm64, PE32+ x64) and Node.js's SEA fuse flipped, i.e. a blob was injected.
 * Also a command: `node dist/src/build/binary-headers.js [folder]` (default binaries/) checks every
 * file its SHA256SUMS lists: checksum, header and fuse (the licence notices: checksum).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOTICES_FILE } from './third-party-notices.js';

export type BinaryFormat = 'elf-x64' | 'elf-arm64' | 'macho-x64' | 'macho-arm64' | 'pe-x64';

/** The string Node.js looks for; its last character is flipped to 1 when a blob is injected. */
export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

const ELF_MACHINES: Partial<Record<number, BinaryFormat>> = { 0x3e: 'elf-x64', 0xb7: 'elf-arm64' };
const MACHO_CPUS: Partial<Record<number, BinaryFormat>> = {
  0x01000007: 'macho-x64',
  0x0100000c: 'macho-arm64',
};
const PE_MACHINES: Partial<Record<number, BinaryFormat>> = { 0x8664: 'pe-x64' };

/** What the header says, or undefined for anything else (32-bit, big-endian, another CPU). */
export function headerFormat(bytes: Buffer): BinaryFormat | undefined {
  if (bytes.length < 64) return undefined;
  if (bytes.readUInt32BE(0) === 0x7f454c46) {
    // ELFCLASS64, little-endian; e_machine at offset 18.
    if (bytes[4] !== 2 || bytes[5] !== 1) return undefined;
    return ELF_MACHINES[bytes.readUInt16LE(18)];
  }
  // MH_MAGIC_64 as a little-endian file stores it, then the CPU type.
  if (bytes.readUInt32LE(0) === 0xfeedfacf) return MACHO_CPUS[bytes.readUInt32LE(4)];
  if (bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (pe + 26 > bytes.length || bytes.toString('latin1', pe, pe + 4) !== 'PE\0\0') return undefined;
    // The optional header's magic 0x20b marks PE32+ (64-bit).
    if (bytes.readUInt16LE(pe + 24) !== 0x20b) return undefined;
    return PE_MACHINES[bytes.readUInt16LE(pe + 4)];
  }
  return undefined;
}

/** Throws unless `bytes` is an executable of `format` with a SEA blob injected. */
export function checkBinary(bytes: Buffer, format: BinaryFormat): void {
  const found = headerFormat(bytes);
  if (found !== format)
    throw new Error(`expected a ${format} executable, the header says ${found ?? 'neither'}`);
  if (!bytes.includes(`${SEA_FUSE}:1`)) throw new Error('no SEA blob was injected (the fuse is not flipped)');
}

/** The platform of each file name the build writes. */
export const BINARY_FORMATS: Readonly<Record<string, BinaryFormat>> = {
  'tc-webhook-linux-x64': 'elf-x64',
  'tc-webhook-linux-arm64': 'elf-arm64',
  'tc-webhook-darwin-x64': 'macho-x64',
  'tc-webhook-darwin-arm64': 'macho-arm64',
  'tc-webhook-win-x64.exe': 'pe-x64',
};

/** Checks every file SHA256SUMS lists in `dir`; returns a line per file. */
export function checkFolder(dir: string): string[] {
  const lines = readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [sum, file] = line.split(/ [ *]/) as [string, string | undefined];
    if (file === undefined) throw new Error(`SHA256SUMS: cannot read the line "${line}"`);
    const bytes = readFileSync(join(dir, file));
    if (createHash('sha256').update(bytes).digest('hex') !== sum)
      throw new Error(`${file}: the checksum differs`);
    if (file === NOTICES_FILE) return `${file}: checksum matches`;
    const format = BINARY_FORMATS[file];
    if (format === undefined) throw new Error(`${file}: not a platform this build makes`);
    checkBinary(bytes, format);
    return `${file}: ${format}, SEA blob injected, checksum matches`;
  });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    for (const line of checkFolder(resolve(process.argv[2] ?? 'binaries'))) console.log(line);
  } catch (error) {
    console.error(`binary-headers: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
