import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkBinary, checkFolder, headerFormat, SEA_FUSE } from '../../src/build/binary-headers.js';
import { NOTICES_FILE } from '../../src/build/third-party-notices.js';

/** The first bytes of each kind of executable, as their specifications lay them out. */
function elf(machine: number, elfClass = 2): Buffer {
  const b = Buffer.alloc(128);
  b.write('\x7fELF', 0, 'latin1');
  b[4] = elfClass;
  b[5] = 1; // little-endian
  b.writeUInt16LE(machine, 18);
  return b;
}
function macho(cpu: number): Buffer {
  const b = Buffer.alloc(128);
  b.writeUInt32LE(0xfeedfacf, 0);
  b.writeUInt32LE(cpu, 4);
  return b;
}
function pe(machine: number, optionalMagic: number): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(machine, 0x84);
  b.writeUInt16LE(optionalMagic, 0x80 + 24);
  return b;
}
const injected = (header: Buffer) => Buffer.concat([header, Buffer.from(`${SEA_FUSE}:1`)]);

describe('single executable headers', () => {
  it('names each platform the build makes', () => {
    assert.equal(headerFormat(elf(0x3e)), 'elf-x64');
    assert.equal(headerFormat(elf(0xb7)), 'elf-arm64');
    assert.equal(headerFormat(macho(0x01000007)), 'macho-x64');
    assert.equal(headerFormat(macho(0x0100000c)), 'macho-arm64');
    assert.equal(headerFormat(pe(0x8664, 0x20b)), 'pe-x64');
  });

  it('refuses 32-bit files, other CPUs and anything else', () => {
    assert.equal(headerFormat(elf(0x3e, 1)), undefined, 'ELFCLASS32');
    assert.equal(headerFormat(elf(0x28)), undefined, 'ARM 32-bit');
    assert.equal(headerFormat(pe(0x8664, 0x10b)), undefined, 'PE32, not PE32+');
    assert.equal(headerFormat(pe(0xaa64, 0x20b)), undefined, 'ARM64 Windows');
    assert.equal(headerFormat(Buffer.from('#!/usr/bin/env node\n'.padEnd(100))), undefined);
  });

  it('wants the fuse flipped: a copy of node without a blob is not a build', () => {
    assert.doesNotThrow(() => checkBinary(injected(elf(0xb7)), 'elf-arm64'));
    assert.throws(
      () => checkBinary(Buffer.concat([elf(0xb7), Buffer.from(`${SEA_FUSE}:0`)]), 'elf-arm64'),
      /no SEA blob/,
    );
    assert.throws(
      () => checkBinary(injected(elf(0x3e)), 'elf-arm64'),
      /expected a elf-arm64 executable, the header says elf-x64/,
    );
  });

  it('checks a folder against its SHA256SUMS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcw-binary-headers-'));
    try {
      const files: [string, Buffer][] = [
        ['tc-webhook-linux-arm64', injected(elf(0xb7))],
        ['tc-webhook-darwin-x64', injected(macho(0x01000007))],
        ['tc-webhook-win-x64.exe', injected(pe(0x8664, 0x20b))],
        [NOTICES_FILE, Buffer.from('Third-party software in this tc-webhook executable\n')],
      ];
      const sum = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
      writeFileSync(join(dir, 'SHA256SUMS'), files.map(([name, b]) => `${sum(b)}  ${name}\n`).join(''));
      assert.equal(checkFolder(dir).length, 4);
      writeFileSync(join(dir, 'tc-webhook-darwin-x64'), injected(macho(0x0100000c)));
      assert.throws(() => checkFolder(dir), /tc-webhook-darwin-x64: the checksum differs/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
