import { z } from 'zod';

// Every setting is read here and nowhere else; a bad value stops start-up with its name.
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
  // Scheduled backups: unset = none; else one archive per interval, the newest JALIN_BACKUP_KEEP kept.
  JALIN_BACKUP_DIR: z.string().min(1).optional(),
  JALIN_BACKUP_INTERVAL_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  JALIN_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  // OCR of scans: how many run at once in this process (0 = none here), and the programs to run.
  JALIN_OCR_WORKERS: z.coerce.number().int().min(0).max(4).default(2),
  JALIN_OCRMYPDF: z.string().min(1).default('ocrmypdf'),
  JALIN_TESSERACT: z.string().min(1).default('tesseract'),
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

// A child process (pg_dump, pg_restore) inherits PATH, locale and the like as from a shell.
export function childProcessEnv(extra: Record<string, string>): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}
