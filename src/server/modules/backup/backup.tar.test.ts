import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchiveWriter, readArchive } from './backup.tar';

const work = mkdtempSync(path.join(tmpdir(), 'jalin-tar-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

async function entriesOf(file: string): Promise<Record<string, string>> {
  const read: Record<string, string> = {};
  await readArchive(file, (entry) => {
    const chunks: Buffer[] = [];
    return { write: (chunk) => void chunks.push(chunk), end: () => void (read[entry.path] = Buffer.concat(chunks).toString()) };
  });
  return read;
}

describe('archive writer, streamed entries', () => {
  it('writes a streamed entry with the hash of exactly its bytes', async () => {
    const file = path.join(work, 'satu.tar');
    const writer = await openArchiveWriter(file, new Date('2026-06-01T00:00:00Z'));
    const entry = await writer.addStream('files/a.pdf', Readable.from([Buffer.from('%PDF-'), Buffer.from('1.4 isi')]), 12);
    await writer.finish();
    expect(entry).toEqual({ path: 'files/a.pdf', size: 12, sha256: createHash('sha256').update('%PDF-1.4 isi').digest('hex') });
    expect(await entriesOf(file)).toEqual({ 'files/a.pdf': '%PDF-1.4 isi' });
  });

  it('fails rather than write an entry whose bytes do not add up to the size given', async () => {
    for (const [body, size] of [[['pendek'], 10], [['lebih panjang dari janji'], 5]] as const) {
      const file = path.join(work, `salah-${String(size)}.tar`);
      const writer = await openArchiveWriter(file, new Date());
      await expect(writer.addStream('files/b.pdf', Readable.from(body.map((part) => Buffer.from(part))), size)).rejects.toThrow(/changed while it was archived/);
      await writer.abort();
    }
  });
});
