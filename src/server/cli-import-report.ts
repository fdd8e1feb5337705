import type { ImportFileResult } from './modules/imports/imports.service';
import { registerSizeWarning } from './modules/agreements/register-size.service';

// The import's outcome as lines a person reads on a terminal (`npm run jalin -- import`).
export function importReport(result: ImportFileResult, options: { dryRun: boolean }): string[] {
  const { preview, run } = result;
  const lines = [`Berkas ${preview.fileName}: ${preview.totalRows} baris — ${preview.toCreate} baru, ${preview.toUpdate} diubah, ${preview.unchanged} tetap.`];
  if (preview.ignoredColumns.length > 0) lines.push(`Kolom diabaikan / ignored columns: ${preview.ignoredColumns.join(', ')}`);
  for (const issue of [...preview.issues, ...(run?.issues ?? [])]) {
    lines.push(issue.row > 0 ? `  baris ${issue.row}, kolom ${issue.column}: ${issue.message}` : `  ${issue.message}`);
  }
  if (preview.registerSize) {
    const warning = registerSizeWarning(preview.registerSize);
    lines.push(`${warning.message} / ${warning.messageEn}`);
  }
  if (run?.status === 'done') lines.push(`Selesai / done: ${run.createdCount} dibuat, ${run.updatedCount} diubah, ${run.unchangedCount} tetap.`);
  else if (options.dryRun && preview.issues.length === 0) lines.push('Uji coba (--dry-run): tidak ada yang ditulis / nothing written.');
  return lines;
}

export function importFailed(result: ImportFileResult): boolean {
  return result.preview.issues.length > 0 || result.run?.status === 'failed';
}
