import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { ObjectStorageSettings } from '../env';
import { isSafeStorageKey, storeError, type ByteRange, type FileStore } from './file-store';

// The bucket named by JALIN_STORAGE_URL (s3://bucket/prefix) and how to reach it (env.ts, objectStorageOf).
export type S3StoreSettings = ObjectStorageSettings;

// Parts of a streamed upload: S3's smallest part; two are buffered at a time (lib-storage queueSize).
const PART_SIZE = 5 * 1024 * 1024;

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404;
}

export function describeS3Location(settings: Pick<S3StoreSettings, 'bucket' | 'prefix'>): string {
  return `s3://${settings.bucket}${settings.prefix ? `/${settings.prefix}` : ''}`;
}

// Why the bucket cannot be used, naming the setting to look at. Never the secret itself.
function bucketProblem(settings: S3StoreSettings, error: unknown): Error {
  const where = `${describeS3Location(settings)} (${settings.endpoint ?? `AWS ${settings.region}`})`;
  const status = statusOf(error);
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (status === 404) {
    return new Error(`Bucket "${settings.bucket}" tidak ada / does not exist at ${where}; buat bucket-nya atau perbaiki JALIN_STORAGE_URL / create it or fix JALIN_STORAGE_URL`);
  }
  if (status === 403 || status === 401) {
    return new Error(`Akses ke bucket ditolak / access to the bucket denied at ${where}; periksa AWS_ACCESS_KEY_ID dan AWS_SECRET_ACCESS_KEY (dan JALIN_S3_REGION) / check the keys and region`);
  }
  if (status === 301 || status === 400) {
    return new Error(`Bucket "${settings.bucket}" menjawab ${String(status)} at ${where}; periksa JALIN_S3_REGION dan JALIN_S3_FORCE_PATH_STYLE / check the region and path style (${reason})`);
  }
  return new Error(`Penyimpanan objek tidak dapat dipakai / the object store cannot be used at ${where}; periksa JALIN_S3_ENDPOINT dan kunci akses / check the endpoint and the keys (${reason})`);
}

function clientOf(settings: S3StoreSettings): S3Client {
  const config: S3ClientConfig = { region: settings.region, forcePathStyle: settings.forcePathStyle };
  if (settings.endpoint) config.endpoint = settings.endpoint;
  if (settings.credentials) config.credentials = settings.credentials;
  return new S3Client(config);
}

// listPageSize: keys per ListObjectsV2 page (S3's own maximum, 1000, unless a test wants many pages).
export function createS3FileStore(settings: S3StoreSettings, { listPageSize = 1000 }: { listPageSize?: number } = {}): FileStore {
  const client = clientOf(settings);
  const Bucket = settings.bucket;
  const objectKey = (key: string) => {
    if (!isSafeStorageKey(key)) throw new Error(`Unsafe storage key: ${key}`);
    return settings.prefix ? `${settings.prefix}/${key}` : key;
  };
  const size = async (key: string) => {
    try {
      return (await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }))).ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };
  // Keys are fresh random names, so a key already present means a bug; S3 would silently replace it.
  // (A conditional If-None-Match write would close the gap between the two requests, but not every
  // S3-compatible server honours it.)
  const refuseExisting = async (key: string) => {
    if ((await size(key)) !== null) throw storeError('EEXIST', key);
  };
  const stream = async (key: string, range?: ByteRange) => {
    try {
      const Range = range ? `bytes=${String(range.start)}-${String(range.end)}` : undefined;
      const { Body } = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key), Range }));
      if (!(Body instanceof Readable)) throw new Error(`S3 answered ${key} without a body`);
      return Body;
    } catch (error) {
      if (isNotFound(error)) throw storeError('ENOENT', key);
      throw error;
    }
  };
  return {
    location: describeS3Location(settings),
    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        throw bucketProblem(settings, error);
      }
    },
    async put(key, body) {
      await refuseExisting(key);
      await client.send(new PutObjectCommand({ Bucket, Key: objectKey(key), Body: body, ContentLength: body.length }));
    },
    async putStream(key, body) {
      await refuseExisting(key);
      // Multipart for large bodies, one PUT for small ones; an abandoned multipart upload is aborted.
      await new Upload({ client, params: { Bucket, Key: objectKey(key), Body: body }, partSize: PART_SIZE, queueSize: 2 }).done();
    },
    async get(key) {
      const body = await stream(key);
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stream,
    size,
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
    exists: async (key) => (await size(key)) !== null,
    async *list() {
      const Prefix = settings.prefix ? `${settings.prefix}/` : undefined;
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken, MaxKeys: listPageSize }));
        for (const object of page.Contents ?? []) {
          const key = Prefix && object.Key ? object.Key.slice(Prefix.length) : object.Key;
          // As in the directory: only names the store could have written.
          if (key && isSafeStorageKey(key)) yield key;
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}
