import { Option, type Command } from 'commander';
import { CliFailure, type CliRuntime } from './cli-runtime';
import { objectStorageOf, storageDir } from './env';
import { copyFileStore } from './lib/file-store-copy';
import { createLocalFileStore } from './lib/file-store';
import { createS3FileStore } from './lib/s3-file-store';

// `storage-copy --to s3|local`: the local directory (JALIN_STORAGE_DIR) into the bucket of
// JALIN_STORAGE_URL, or back. It does not switch the store in use: set or unset JALIN_STORAGE_URL
// and restart once the copy reports no mismatch (docs/decisions/0034-object-storage.md).
async function storageCopyCommand(rt: CliRuntime, options: { to: 's3' | 'local' }) {
  const bucket = objectStorageOf(rt.env);
  if (!bucket) {
    throw new CliFailure('JALIN_STORAGE_URL belum diisi (s3://bucket/prefix); salin memerlukan bucket tujuan atau asal / JALIN_STORAGE_URL is not set; copying needs the bucket (and JALIN_S3_ENDPOINT etc. for MinIO / Ceph RGW).');
  }
  const local = createLocalFileStore(storageDir(rt.env));
  const s3 = createS3FileStore(bucket);
  await s3.check();
  const [from, to] = options.to === 's3' ? [local, s3] : [s3, local];
  rt.err(`Menyalin / copying ${from.location} → ${to.location}`);
  const report = await copyFileStore({ from, to }, (key, outcome) => {
    if (outcome === 'mismatched') rt.err(`  BEDA / MISMATCH ${key}`);
  });
  rt.out(`Disalin / copied: ${report.copied}; sudah ada, sama / already there, same: ${report.skipped}; beda / mismatched: ${report.mismatched.length}.`);
  if (report.mismatched.length > 0) {
    throw new CliFailure(
      `${report.mismatched.length} berkas di tujuan berbeda dari asalnya (SHA-256); periksa lalu hapus di tujuan dan ulangi / ${report.mismatched.length} files in the target differ from the source (SHA-256); inspect them, remove them from the target and run again.`,
    );
  }
}

export function addStorageCopyCommand(program: Command, rt: CliRuntime): void {
  program
    .command('storage-copy')
    .description('salin semua berkas antara direktori lokal dan bucket S3, diperiksa dengan SHA-256 / copy every stored file between the local directory and the S3 bucket, verified by SHA-256')
    .addOption(new Option('--to <store>', 'tujuan / target').choices(['s3', 'local']).makeOptionMandatory())
    .action((options: { to: 's3' | 'local' }) => storageCopyCommand(rt, options));
}
