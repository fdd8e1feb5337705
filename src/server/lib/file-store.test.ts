import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectStorageOf, parseEnv } from '../env';
import { createLocalFileStore, type FileStore } from './file-store';
import { createS3FileStore } from './s3-file-store';
import { startS3Server, type S3TestServer } from './s3-server.test-support';

async function text(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

async function keysOf(files: FileStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of files.list()) keys.push(key);
  return keys.sort();
}

// The same behaviour from the directory and the bucket: callers never know which one they have.
function storeContract(name: string, open: () => FileStore) {
  describe(name, () => {
    let files: FileStore;
    beforeAll(() => {
      files = open();
    });

    it('keeps bytes put whole or by stream, and reads them whole, in part and by size', async () => {
      await files.put('documents/a.pdf', Buffer.from('0123456789'));
      await files.putStream('documents/b.pdf', Readable.from([Buffer.from('abc'), Buffer.from('def')]));
      expect((await files.get('documents/a.pdf')).toString()).toBe('0123456789');
      expect(await text(await files.stream('documents/b.pdf'))).toBe('abcdef');
      expect(await text(await files.stream('documents/a.pdf', { start: 2, end: 5 }))).toBe('2345');
      expect(await text(await files.stream('documents/a.pdf', { start: 9, end: 9 }))).toBe('9');
      expect(await files.size('documents/a.pdf')).toBe(10);
      expect(await files.size('documents/missing.pdf')).toBeNull();
      expect(await files.exists('documents/b.pdf')).toBe(true);
    });

    it('never replaces a stored key, whole or by stream (EEXIST), and answers a missing one with ENOENT', async () => {
      await files.put('documents/once.pdf', Buffer.from('first'));
      expect(await codeOf(files.put('documents/once.pdf', Buffer.from('second')))).toBe('EEXIST');
      expect(await codeOf(files.putStream('documents/once.pdf', Readable.from([Buffer.from('third')])))).toBe('EEXIST');
      expect((await files.get('documents/once.pdf')).toString()).toBe('first');
      expect(await codeOf(files.get('documents/none.pdf'))).toBe('ENOENT');
      expect(await codeOf(files.stream('documents/none.pdf'))).toBe('ENOENT');
    });

    it('removes a key and lists only the keys it holds', async () => {
      await files.put('reports/gone.pdf', Buffer.from('x'));
      await files.remove('reports/gone.pdf');
      expect(await files.exists('reports/gone.pdf')).toBe(false);
      expect(await keysOf(files)).toEqual(['documents/a.pdf', 'documents/b.pdf', 'documents/once.pdf']);
    });

    it('streams a body larger than one multipart part into the store byte for byte', async () => {
      const big = Buffer.alloc(11 * 1024 * 1024);
      for (let index = 0; index < big.length; index += 4096) big.writeUInt32BE(index, index);
      const chunks = Array.from({ length: 11 }, (_, index) => big.subarray(index * 1024 * 1024, (index + 1) * 1024 * 1024));
      await files.putStream('documents/big.pdf', Readable.from(chunks));
      expect((await files.get('documents/big.pdf')).equals(big)).toBe(true);
      const tail = await files.stream('documents/big.pdf', { start: big.length - 4096, end: big.length - 1 });
      const read: Buffer[] = [];
      for await (const chunk of tail) read.push(chunk as Buffer);
      expect(Buffer.concat(read).equals(big.subarray(big.length - 4096))).toBe(true);
      await files.remove('documents/big.pdf');
    });
  });
}

let s3: S3TestServer;
let localDir: string;
beforeAll(async () => {
  s3 = await startS3Server();
  localDir = await mkdtemp(path.join(tmpdir(), 'jalin-store-'));
});
afterAll(async () => {
  await s3.stop();
  await rm(localDir, { recursive: true, force: true });
});

function bucketOf(extra: Record<string, string> = {}) {
  const settings = objectStorageOf(parseEnv({ ...s3.env, ...extra }));
  if (!settings) throw new Error('no bucket in the test settings');
  return settings;
}

storeContract('the local directory', () => createLocalFileStore(localDir));
storeContract('an S3 bucket under a prefix', () => createS3FileStore(bucketOf({ JALIN_STORAGE_URL: `s3://${s3.bucket}/kota-contoh/files` })));

describe('the S3 store', () => {
  it('lists every key across several ListObjectsV2 pages, and none outside its prefix', async () => {
    const files = createS3FileStore(bucketOf({ JALIN_STORAGE_URL: `s3://${s3.bucket}/paged` }), { listPageSize: 3 });
    const other = createS3FileStore(bucketOf({ JALIN_STORAGE_URL: `s3://${s3.bucket}/other` }));
    await other.put('documents/elsewhere.pdf', Buffer.from('x'));
    const keys = Array.from({ length: 8 }, (_, index) => `documents/${String(index)}.pdf`);
    for (const key of keys) await files.put(key, Buffer.from(key));
    expect(await keysOf(files)).toEqual([...keys].sort());
  });

  it('passes its start-up check on the bucket and names a missing bucket and the setting to fix', async () => {
    await createS3FileStore(bucketOf()).check();
    const missing = createS3FileStore(bucketOf({ JALIN_STORAGE_URL: 's3://tidak-ada' }));
    await expect(missing.check()).rejects.toThrow(/Bucket "tidak-ada" tidak ada \/ does not exist at s3:\/\/tidak-ada .*JALIN_STORAGE_URL/);
  });

  it('never puts the secret key into its messages', async () => {
    const wrong = createS3FileStore(bucketOf({ JALIN_S3_ENDPOINT: 'http://127.0.0.1:9', AWS_SECRET_ACCESS_KEY: 'rahasia-sekali-123' }));
    const error = await wrong.check().then(() => null, (problem: unknown) => problem as Error);
    expect(error?.message).toMatch(/JALIN_S3_ENDPOINT/);
    expect(error?.message).not.toContain('rahasia-sekali-123');
  });
});
