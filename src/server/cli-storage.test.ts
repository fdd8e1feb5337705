import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCommand } from './cli-program';
import { aloneRuntime } from './cli-runtime';
import { objectStorageOf, parseEnv } from './env';
import { createLocalFileStore, type FileStore } from './lib/file-store';
import { sha256Of } from './lib/file-store-copy';
import { createS3FileStore } from './lib/s3-file-store';
import { startS3Server, type S3TestServer } from './lib/s3-server.test-support';

// `storage-copy` as an operator runs it when moving a store into a bucket and back.
describe('jalin storage-copy', () => {
  let s3: S3TestServer;
  const dirs: string[] = [];
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(async () => {
    await s3.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  async function installation(prefix: string) {
    const dir = await mkdtemp(path.join(tmpdir(), 'jalin-copy-'));
    dirs.push(dir);
    const env = parseEnv({ LOG_LEVEL: 'silent', NODE_ENV: 'test', JALIN_DATA_DIR: dir, ...s3.env, JALIN_STORAGE_URL: `s3://${s3.bucket}/${prefix}` });
    const settings = objectStorageOf(env);
    if (!settings) throw new Error('no bucket');
    return { env, local: createLocalFileStore(path.join(dir, 'files')), bucket: createS3FileStore(settings), dir };
  }

  async function run(env: ReturnType<typeof parseEnv>, args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCliCommand(args, aloneRuntime(env, { name: 'storage-copy', output: { out: (text) => out.push(text), err: (text) => err.push(text) } }));
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  async function hashes(files: FileStore): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    for await (const key of files.list()) found[key] = await sha256Of(files, key);
    return found;
  }

  it('copies every local file into the bucket, verified, and skips them all when run again', async () => {
    const { env, local, bucket } = await installation('into');
    await local.put('documents/a.pdf', Buffer.from('%PDF-1.7 naskah A'));
    await local.put('documents/b.pdf', Buffer.from('%PDF-1.7 naskah B'));
    await local.put('evidence/c.jpg', Buffer.alloc(300_000, 7));
    const first = await run(env, ['storage-copy', '--to', 's3']);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain('Disalin / copied: 3; sudah ada, sama / already there, same: 0; beda / mismatched: 0.');
    expect(await hashes(bucket)).toEqual(await hashes(local));
    const again = await run(env, ['storage-copy', '--to', 's3']);
    expect(again.out).toContain('Disalin / copied: 0; sudah ada, sama / already there, same: 3; beda / mismatched: 0.');
  });

  it('copies the bucket back into an empty directory byte for byte', async () => {
    const { env, local, bucket } = await installation('back');
    await bucket.put('documents/x.pdf', Buffer.from('%PDF-1.7 dari bucket'));
    await bucket.put('reports/y.pdf', Buffer.alloc(6 * 1024 * 1024, 3));
    const back = await run(env, ['storage-copy', '--to', 'local']);
    expect(back.code).toBe(0);
    expect(back.out).toContain('Disalin / copied: 2;');
    expect(await hashes(local)).toEqual(await hashes(bucket));
  });

  it('reports a target file whose bytes differ from the source and fails, replacing nothing', async () => {
    const { env, local, bucket, dir } = await installation('damaged');
    await local.put('documents/a.pdf', Buffer.from('%PDF-1.7 asli'));
    await local.put('documents/b.pdf', Buffer.from('%PDF-1.7 juga asli'));
    expect((await run(env, ['storage-copy', '--to', 's3'])).code).toBe(0);
    // The local copy damaged after the move (a disk error), then copied again into the bucket.
    await writeFile(path.join(dir, 'files', 'documents', 'b.pdf'), '%PDF-1.7 rusak');
    const damaged = await run(env, ['storage-copy', '--to', 's3']);
    expect(damaged.code).toBe(1);
    expect(damaged.err).toContain('MISMATCH documents/b.pdf');
    expect(damaged.err).toContain('1 files in the target differ from the source (SHA-256)');
    expect(damaged.out).toContain('sudah ada, sama / already there, same: 1; beda / mismatched: 1.');
    expect((await bucket.get('documents/b.pdf')).toString()).toBe('%PDF-1.7 juga asli');
  });

  it('finds a damaged file in the target by its hash and leaves it for the operator', async () => {
    const { env, bucket, dir } = await installation('target-damaged');
    await bucket.put('documents/a.pdf', Buffer.from('%PDF-1.7 asli di bucket'));
    expect((await run(env, ['storage-copy', '--to', 'local'])).code).toBe(0);
    const target = path.join(dir, 'files', 'documents', 'a.pdf');
    await writeFile(target, '%PDF-1.7 asli di bucket, rusak');
    const damaged = await run(env, ['storage-copy', '--to', 'local']);
    expect(damaged.code).toBe(1);
    expect(damaged.err).toContain('MISMATCH documents/a.pdf');
  });

  it('refuses, naming the setting, when no bucket is configured', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jalin-copy-'));
    dirs.push(dir);
    const result = await run(parseEnv({ LOG_LEVEL: 'silent', NODE_ENV: 'test', JALIN_DATA_DIR: dir }), ['storage-copy', '--to', 's3']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('JALIN_STORAGE_URL is not set');
  });

  it('refuses a bucket that does not exist before copying anything', async () => {
    const { env } = await installation('none');
    const result = await run({ ...env, JALIN_STORAGE_URL: 's3://belum-dibuat' }, ['storage-copy', '--to', 's3']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Bucket "belum-dibuat" tidak ada / does not exist');
  });
});
