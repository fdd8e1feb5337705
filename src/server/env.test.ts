import { describe, expect, it } from 'vitest';
import { objectStorageOf, parseEnv } from './env';

describe('configuration', () => {
  it('uses safe defaults: port 3000, demo on, no proxy trusted, cookies not forced secure', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, JALIN_DEMO: true, JALIN_TRUST_PROXY: false, JALIN_COOKIE_SECURE: false, JALIN_DATA_DIR: './data' });
  });

  it('makes cookies Secure whenever the public address is https, unless JALIN_COOKIE_SECURE says otherwise', () => {
    expect(parseEnv({ JALIN_PUBLIC_URL: 'https://jalin.ternatekota.go.id' }).JALIN_COOKIE_SECURE).toBe(true);
    expect(parseEnv({ JALIN_PUBLIC_URL: 'https://jalin.ternatekota.go.id', JALIN_COOKIE_SECURE: '0' }).JALIN_COOKIE_SECURE).toBe(false);
    expect(parseEnv({ JALIN_PUBLIC_URL: 'http://10.0.0.5:3000', JALIN_COOKIE_SECURE: '1' }).JALIN_COOKIE_SECURE).toBe(true);
  });

  it('treats an empty value as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', JALIN_DEMO: '' }).DATABASE_URL).toBeUndefined();
  });

  it('reads boolean flags written as 0/1 or words', () => {
    expect(parseEnv({ JALIN_DEMO: '0', JALIN_TRUST_PROXY: 'yes' })).toMatchObject({ JALIN_DEMO: false, JALIN_TRUST_PROXY: true });
  });

  it('runs background jobs unless JALIN_JOBS says this process serves HTTP only', () => {
    expect(parseEnv({}).JALIN_JOBS).toBe(true);
    expect(parseEnv({ JALIN_JOBS: '0' }).JALIN_JOBS).toBe(false);
    expect(() => parseEnv({ JALIN_JOBS: 'kadang' })).toThrow(/JALIN_JOBS/);
  });

  it('stops with a message naming every bad setting', () => {
    expect(() => parseEnv({ PORT: 'tiga ribu', DATABASE_URL: 'not a url', JALIN_ADMIN_PASSWORD: 'short' })).toThrow(
      /PORT.*DATABASE_URL.*JALIN_ADMIN_PASSWORD/,
    );
  });

  it('keeps documents in the directory unless JALIN_STORAGE_URL names a bucket, and reads its prefix and settings', () => {
    expect(objectStorageOf(parseEnv({}))).toBeNull();
    const settings = objectStorageOf(
      parseEnv({ JALIN_STORAGE_URL: 's3://jalin-dokumen/kota/ternate/', JALIN_S3_ENDPOINT: 'http://minio:9000', JALIN_S3_FORCE_PATH_STYLE: '1', AWS_ACCESS_KEY_ID: 'kunci', AWS_SECRET_ACCESS_KEY: 'rahasia' }),
    );
    expect(settings).toEqual({
      bucket: 'jalin-dokumen',
      prefix: 'kota/ternate',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'kunci', secretAccessKey: 'rahasia' },
    });
    expect(objectStorageOf(parseEnv({ JALIN_STORAGE_URL: 's3://jalin-dokumen' }))).toMatchObject({ prefix: '', endpoint: null, forcePathStyle: false, credentials: null });
  });

  it('refuses a storage URL that is not s3://bucket, an endpoint without a bucket, and half a key pair', () => {
    expect(() => parseEnv({ JALIN_STORAGE_URL: 'https://jalin-dokumen' })).toThrow(/JALIN_STORAGE_URL: must be s3:\/\/bucket/);
    expect(() => parseEnv({ JALIN_STORAGE_URL: 's3://Jalin_Dokumen' })).toThrow(/JALIN_STORAGE_URL/);
    expect(() => parseEnv({ JALIN_S3_ENDPOINT: 'http://minio:9000' })).toThrow(/JALIN_S3_ENDPOINT is set but neither JALIN_STORAGE_URL nor JALIN_BACKUP_DIR/);
    expect(parseEnv({ JALIN_S3_ENDPOINT: 'http://minio:9000', JALIN_BACKUP_DIR: 's3://cadangan' }).JALIN_S3_ENDPOINT).toBe('http://minio:9000');
    expect(() => parseEnv({ JALIN_STORAGE_URL: 's3://jalin-dokumen', AWS_ACCESS_KEY_ID: 'kunci' })).toThrow(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set together/);
  });
});
