import { z } from 'zod';
import { AppError } from '../../lib/errors';

// What an archive holds, written last into the archive as manifest.json:
//   files/<storage key>      every stored document, photo and signed PDF
//   database/<kind dump>     the database (PGlite data directory or pg_dump custom format)
//   manifest.json            this record: every other entry's path, size and sha256
export const BACKUP_FORMAT = 'jalin-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const FILES_PREFIX = 'files/';

export const DATABASE_ENTRY = { pglite: 'database/pglite-datadir.tar.gz', postgres: 'database/postgres.dump' } as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const BackupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  jalinVersion: z.string(),
  createdAt: z.iso.datetime(),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    path: z.string(),
    // How far the schema was migrated: a newer archive than this Jalin knows is refused.
    migrations: z.object({ count: z.number().int().min(0), last: z.string().nullable() }),
  }),
  entries: z.array(z.object({ path: z.string(), size: z.number().int().min(0), sha256: Sha256 })),
});

export type BackupManifest = z.infer<typeof BackupManifestSchema>;

export function damagedArchive(reason: string, reasonEn: string): AppError {
  return new AppError({
    code: 'BAD_FILE',
    field: 'file',
    message: `Arsip cadangan rusak atau tidak lengkap: ${reason}. Tidak ada yang dipulihkan.`,
    messageEn: `The backup archive is damaged or incomplete: ${reasonEn}. Nothing was restored.`,
  });
}

export function parseManifest(bytes: Buffer): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damagedArchive('manifest.json bukan JSON', 'manifest.json is not JSON');
  }
  const parsed = BackupManifestSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw damagedArchive(`manifest.json tidak sah (${where})`, `manifest.json is not valid (${where})`);
  }
  if (parsed.data.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new AppError({
      code: 'BAD_FILE',
      field: 'file',
      message: `Format arsip versi ${parsed.data.formatVersion} tidak dikenal oleh Jalin ini (versi ${BACKUP_FORMAT_VERSION}).`,
      messageEn: `Archive format version ${parsed.data.formatVersion} is unknown to this Jalin (it reads version ${BACKUP_FORMAT_VERSION}).`,
    });
  }
  return parsed.data;
}
