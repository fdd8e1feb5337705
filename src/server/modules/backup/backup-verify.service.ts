import { createHash } from 'node:crypto';
import { AppError } from '../../lib/errors';
import { isSafeStorageKey } from '../../lib/file-store';
import { readArchive, type ArchiveEntry, type EntrySink } from './backup.tar';
import { DATABASE_ENTRY, FILES_PREFIX, MANIFEST_PATH, damagedArchive, parseManifest, type BackupManifest } from './backup-manifest.rules';

// The first pass over an archive: every byte is read and hashed, and the archive is accepted
// only if it holds exactly the entries its manifest lists, with their sizes and hashes, stored
// files before the database. Nothing is written until this has passed.

function hashingSink(path: string, done: (entry: ArchiveEntry) => void): EntrySink {
  const hash = createHash('sha256');
  let size = 0;
  return {
    write(chunk) {
      hash.update(chunk);
      size += chunk.length;
    },
    end() {
      done({ path, size, sha256: hash.digest('hex') });
    },
  };
}

async function readEntries(file: string): Promise<{ seen: ArchiveEntry[]; manifestBytes: Buffer | null }> {
  const seen: ArchiveEntry[] = [];
  const paths = new Set<string>();
  let manifestBytes: Buffer | null = null;
  try {
    await readArchive(file, (info) => {
      if (info.type !== 'File') throw damagedArchive(`entri tak terduga ${info.path}`, `unexpected entry ${info.path}`);
      if (paths.has(info.path)) throw damagedArchive(`entri ganda ${info.path}`, `duplicate entry ${info.path}`);
      paths.add(info.path);
      if (info.path !== MANIFEST_PATH) return hashingSink(info.path, (entry) => seen.push(entry));
      const chunks: Buffer[] = [];
      return { write: (chunk) => void chunks.push(chunk), end: () => void (manifestBytes = Buffer.concat(chunks)) };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw damagedArchive(`tidak dapat dibaca sebagai tar (${reason})`, `it cannot be read as a tar (${reason})`);
  }
  return { seen, manifestBytes };
}

function checkEntries(manifest: BackupManifest, seen: ArchiveEntry[]): void {
  const listed = new Map(manifest.entries.map((entry) => [entry.path, entry]));
  for (const entry of seen) {
    const expected = listed.get(entry.path);
    if (!expected) throw damagedArchive(`${entry.path} tidak tercantum di manifest`, `${entry.path} is not in the manifest`);
    if (expected.size !== entry.size || expected.sha256 !== entry.sha256) {
      throw damagedArchive(`isi ${entry.path} tidak cocok dengan ukuran/sha256 di manifest`, `${entry.path} does not match its size/sha256 in the manifest`);
    }
    listed.delete(entry.path);
  }
  const missing = [...listed.keys()][0];
  if (missing) throw damagedArchive(`${missing} hilang`, `${missing} is missing`);
}

function checkLayout(manifest: BackupManifest, seen: ArchiveEntry[]): void {
  const database = manifest.database.path;
  if (database !== DATABASE_ENTRY[manifest.database.kind] || !seen.some((entry) => entry.path === database)) {
    throw damagedArchive('entri basis data tidak ada atau tidak sah', 'the database entry is missing or not valid');
  }
  seen.forEach((entry, index) => {
    if (entry.path === database) {
      if (index !== seen.length - 1) throw damagedArchive('basis data harus setelah berkas', 'the database must come after the files');
      return;
    }
    const key = entry.path.slice(FILES_PREFIX.length);
    if (!entry.path.startsWith(FILES_PREFIX) || !isSafeStorageKey(key)) {
      throw damagedArchive(`nama entri tidak sah ${entry.path}`, `entry name not allowed: ${entry.path}`);
    }
  });
}

export async function verifyArchive(file: string): Promise<BackupManifest> {
  const { seen, manifestBytes } = await readEntries(file);
  if (!manifestBytes) throw damagedArchive('manifest.json tidak ada', 'manifest.json is missing');
  const manifest = parseManifest(manifestBytes);
  checkEntries(manifest, seen);
  checkLayout(manifest, seen);
  return manifest;
}
