import { randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { ExportSpool } from './export-spool';

describe('ExportSpool', () => {
  it('keeps a small file in memory and gives back the same bytes', async () => {
    const spool = new ExportSpool(1024);
    await spool.write(Buffer.from('a,b\n'));
    await spool.write(Buffer.from('1,2\n'));
    expect(spool.onDisk).toBe(false);
    expect(spool.size).toBe(8);
    expect((await buffer(await spool.readable())).toString()).toBe('a,b\n1,2\n');
    await spool.dispose();
  });

  it('past its memory limit writes an encrypted temporary file and reads it back whole', async () => {
    const spool = new ExportSpool(64 * 1024);
    const chunks = Array.from({ length: 40 }, () => randomBytes(10_000));
    for (const chunk of chunks) await spool.write(chunk);
    expect(spool.onDisk).toBe(true);
    expect(spool.size).toBe(400_000);
    expect((await buffer(await spool.readable())).equals(Buffer.concat(chunks))).toBe(true);
    await spool.dispose();
  });

  it('can be disposed of without being read', async () => {
    const spool = new ExportSpool(16);
    await spool.write(Buffer.alloc(100, 1));
    expect(spool.onDisk).toBe(true);
    await spool.dispose();
    expect(spool.onDisk).toBe(false);
  });
});
