import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

// A real S3-protocol server (s3rver) on loopback for tests, in its own process: s3rver signs
// ListObjectsV2 continuation tokens with DES, which Node's OpenSSL 3 offers only with the legacy
// provider, and that flag is better kept out of the test process itself. Multipart uploads and
// range GETs are served as by S3. `env` holds what a Jalin process needs to use the bucket.
export type S3TestServer = { endpoint: string; bucket: string; directory: string; env: Record<string, string>; stop: () => Promise<void> };

const ACCESS_KEY = 'S3RVER';
const BUCKET = 'jalin-test';

function childScript(s3rverPath: string, directory: string): string {
  return `
    const S3rver = require(${JSON.stringify(s3rverPath)});
    const server = new S3rver({ port: 0, address: '127.0.0.1', directory: ${JSON.stringify(directory)}, silent: true, configureBuckets: [{ name: ${JSON.stringify(BUCKET)} }] });
    server.run().then((info) => console.log(JSON.stringify({ port: info.port })), (error) => { console.error(error); process.exit(1); });
    process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
  `;
}

function portOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) throw new Error('s3rver has no stdout');
    const lines = createInterface({ input: child.stdout });
    const errors: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`s3rver stopped (${String(code)}): ${errors.join('')}`)));
  });
}

export async function startS3Server(): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(tmpdir(), 'jalin-s3-'));
  const s3rverPath = createRequire(import.meta.url).resolve('s3rver');
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', childScript(s3rverPath, directory)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await portOf(child);
  const endpoint = `http://127.0.0.1:${String(port)}`;
  return {
    endpoint,
    bucket: BUCKET,
    directory,
    env: {
      JALIN_STORAGE_URL: `s3://${BUCKET}`,
      JALIN_S3_ENDPOINT: endpoint,
      JALIN_S3_REGION: 'us-east-1',
      JALIN_S3_FORCE_PATH_STYLE: '1',
      AWS_ACCESS_KEY_ID: ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: ACCESS_KEY,
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
