import { objectStorageOf, storageDir, type Env } from '../env';
import { createLocalFileStore, type FileStore } from './file-store';
import { createS3FileStore } from './s3-file-store';

// The one choice of where documents live: the bucket of JALIN_STORAGE_URL when set, else the local
// directory. Every process of one installation must make the same choice (docs/decisions/0034-object-storage.md).
export function createFileStore(env: Env): FileStore {
  const bucket = objectStorageOf(env);
  return bucket ? createS3FileStore(bucket) : createLocalFileStore(storageDir(env));
}
