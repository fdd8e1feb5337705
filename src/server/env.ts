import { z } from 'zod';

// Every setting is read here and nowhere else; a bad value stops start-up with its name.
// s3://bucket or s3://bucket/prefix, with a bucket name S3 accepts.
const BUCKET_URL = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[A-Za-z0-9!_.*'()/-]*)?$/;

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.url().optional(),
  JALIN_DATA_DIR: z.string().min(1).default('./data'),
  JALIN_STORAGE_DIR: z.string().min(1).optional(),
  JALIN_ADMIN_EMAIL: z.email().default('admin@jalin.local'),
  JALIN_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  JALIN_DEMO: booleanFlag.default(true),
  // The shared password of the demo accounts; unset = generated and printed once.
  JALIN_DEMO_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  // Unset = Secure cookies exactly when JALIN_PUBLIC_URL is https; 0/1 overrides that.
  JALIN_COOKIE_SECURE: booleanFlag.optional(),
  // Only behind a reverse proxy: then X-Forwarded-For names the client (rate limits per address).
  JALIN_TRUST_PROXY: booleanFlag.default(false),
  JALIN_PUBLIC_URL: z.url().default('http://localhost:3000'),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('Jalin <jalin@localhost>'),
  // The bearer token Prometheus sends for GET /metrics; unset = no metrics (404). Long enough not to be guessed.
  JALIN_METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Scheduled backups: unset = none; else one archive per interval, the newest JALIN_BACKUP_KEEP kept,
  // in this directory or, given as s3://bucket/prefix, in a bucket reached as JALIN_STORAGE_URL's is.
  JALIN_BACKUP_DIR: z
    .string()
    .min(1)
    .refine((value) => !value.startsWith('s3://') || BUCKET_URL.test(value), 'must be a directory, or s3://bucket/prefix (a valid bucket name)')
    .optional(),
  JALIN_BACKUP_INTERVAL_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  JALIN_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  // 0 = this process serves HTTP only: no scheduled jobs (reminders, digest, backups, mail retries)
  // and no OCR here; on PostgreSQL another process sharing the database runs them.
  JALIN_JOBS: booleanFlag.default(true),
  // Seconds after start before the jobs missed while no process was up are made up (reminders,
  // digest, backup); the delay lets a starting process settle first.
  JALIN_JOBS_START_DELAY_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  // OCR of scans: how many run at once in this process (0 = none here), and the programs to run.
  // How many agreements the embedded database (no DATABASE_URL) is meant to hold: past it, start-up
  // and the import's preview say to move to PostgreSQL (register-size.service.ts). Nothing is refused.
  JALIN_EMBEDDED_AGREEMENT_LIMIT: z.coerce.number().int().min(1).default(100_000),
  JALIN_OCR_WORKERS: z.coerce.number().int().min(0).max(4).default(2),
  JALIN_OCRMYPDF: z.string().min(1).default('ocrmypdf'),
  JALIN_TESSERACT: z.string().min(1).default('tesseract'),
  // Documents in an S3-compatible bucket instead of JALIN_STORAGE_DIR: s3://bucket or s3://bucket/prefix.
  // Unset = the local directory. See docs/decisions/0034-object-storage.md for MinIO, Ceph RGW and AWS.
  JALIN_STORAGE_URL: z.string().regex(BUCKET_URL, 'must be s3://bucket or s3://bucket/prefix (a valid bucket name)').optional(),
  // Unset = AWS itself; MinIO / Ceph RGW: their URL, e.g. http://127.0.0.1:9000.
  JALIN_S3_ENDPOINT: z.url().optional(),
  JALIN_S3_REGION: z.string().min(1).default('us-east-1'),
  // Bucket in the path (http://host/bucket/key) rather than the host name: what MinIO and RGW usually need.
  JALIN_S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  // Unset = the SDK's own chain (~/.aws, an instance or pod role). Never logged.
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
})
  .refine((env) => Boolean(env.AWS_ACCESS_KEY_ID) === Boolean(env.AWS_SECRET_ACCESS_KEY), {
    error: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set together or not at all',
    path: ['AWS_SECRET_ACCESS_KEY'],
  })
  .refine((env) => env.JALIN_STORAGE_URL !== undefined || env.JALIN_BACKUP_DIR?.startsWith('s3://') === true || env.JALIN_S3_ENDPOINT === undefined, {
    error: 'JALIN_S3_ENDPOINT is set but neither JALIN_STORAGE_URL nor JALIN_BACKUP_DIR names a bucket (s3://bucket)',
    path: ['JALIN_STORAGE_URL'],
  }).transform((env) => ({
  ...env,
  // A session cookie sent over plain HTTP can be read on the way; behind https it must never be.
  JALIN_COOKIE_SECURE: env.JALIN_COOKIE_SECURE ?? new URL(env.JALIN_PUBLIC_URL).protocol === 'https:',
}));

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as a shell `FOO=` means "no value".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration — ${problems.join('; ')}`);
  }
  return result.data;
}

export function readEnv(): Env {
  return parseEnv(process.env);
}

export function storageDir(env: Env): string {
  return env.JALIN_STORAGE_DIR ?? `${env.JALIN_DATA_DIR}/files`;
}

export type ObjectStorageSettings = {
  bucket: string;
  prefix: string;
  endpoint: string | null;
  region: string;
  forcePathStyle: boolean;
  // null = the SDK's own chain (AWS_* variables, ~/.aws, an instance or pod role).
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | null;
};

// The bucket of JALIN_STORAGE_URL and how to reach it; null = documents stay in storageDir(env).
export function objectStorageOf(env: Env): ObjectStorageSettings | null {
  return env.JALIN_STORAGE_URL ? bucketOf(env, env.JALIN_STORAGE_URL) : null;
}

// The bucket of scheduled backups when JALIN_BACKUP_DIR names one (same endpoint and keys as the
// documents' bucket); null = a directory, or no scheduled backups.
export function backupBucketOf(env: Env): ObjectStorageSettings | null {
  return env.JALIN_BACKUP_DIR?.startsWith('s3://') ? bucketOf(env, env.JALIN_BACKUP_DIR) : null;
}

function bucketOf(env: Env, url: string): ObjectStorageSettings {
  const [bucket = '', ...prefix] = url.slice('s3://'.length).split('/');
  return {
    bucket,
    prefix: prefix.filter(Boolean).join('/'),
    endpoint: env.JALIN_S3_ENDPOINT ?? null,
    region: env.JALIN_S3_REGION,
    forcePathStyle: env.JALIN_S3_FORCE_PATH_STYLE,
    credentials:
      env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) }
        : null,
  };
}

// A child process (pg_dump, pg_restore) inherits PATH, locale and the like as from a shell.
export function childProcessEnv(extra: Record<string, string>): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}
