import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CliFailure, resolvePath, type CliRuntime } from './cli-runtime';
import { configureOcrTools } from './modules/documents/ocr-jobs.service';
import type { ExtractedFields } from './modules/intake/extraction/agreement-fields.rules';
import { previewIntakeFiles, runIntakeBatch, type DirectIntakeFile } from './modules/intake/intake-direct.service';
import { readScan } from './modules/intake/intake-read.service';

// `npm run jalin -- intake DIR [--dry-run] [--json]` and `npm run jalin -- extract FILE.pdf --json`
// (issue 13, parts 4 and 5). With --json stdout carries only the JSON.

const SCAN_EXTENSIONS = new Set(['.pdf', '.jpg', '.jpeg', '.png', '.zip']);

async function scansIn(rt: CliRuntime, dir: string): Promise<{ name: string; bytes: Buffer }[]> {
  const folder = resolvePath(rt, dir);
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => {
    throw new CliFailure(`Folder tidak dapat dibaca / cannot read folder: ${dir}`);
  });
  const names = entries.filter((entry) => entry.isFile() && SCAN_EXTENSIONS.has(path.extname(entry.name).toLowerCase())).map((entry) => entry.name).sort();
  if (names.length === 0) throw new CliFailure(`Tidak ada PDF, JPEG, PNG atau ZIP di ${dir} / no PDF, JPEG, PNG or ZIP in ${dir}`);
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(path.join(folder, name)) })));
}

function fieldsLine(fields: ExtractedFields | null): string {
  if (!fields) return '';
  const shown = { jenis: fields.kind, nomorPemda: fields.nomorPemda, nomorMitra: fields.nomorMitra, judul: fields.title, ttd: fields.signedOn, mulai: fields.startsOn, berakhir: fields.endsOn };
  return Object.entries(shown).flatMap(([name, value]) => (value ? [`${name}: ${value}`] : [])).join('; ');
}

function fileLines(file: Pick<DirectIntakeFile, 'fileName' | 'error' | 'fields' | 'match' | 'conflicts'>): string[] {
  if (file.error) return [`${file.fileName}: GAGAL / FAILED — ${file.error}`];
  const match = file.match ? `cocok / matches ${file.match.numberOurs ?? '(tanpa nomor)'} — ${file.match.title}` : 'baru / new';
  const lines = [`${file.fileName}: ${match}`, `    ${fieldsLine(file.fields)}`];
  for (const conflict of file.conflicts) lines.push(`    beda / differs ${conflict.field}: register ${conflict.register} ≠ pindaian ${conflict.scan}`);
  return lines;
}

function batchFiles(batch: Awaited<ReturnType<typeof runIntakeBatch>>['batch']) {
  return batch.files.map((file) => ({ fileName: file.fileName, error: file.error, fields: file.fields, match: file.match, conflicts: file.conflicts, state: file.state }));
}

export async function intakeCommand(rt: CliRuntime, dir: string, options: { dryRun?: boolean; json?: boolean }): Promise<void> {
  const uploads = await scansIn(rt, dir);
  await rt.withCtx(async (ctx, _database, env) => {
    configureOcrTools({ ocrmypdf: env.JALIN_OCRMYPDF, tesseract: env.JALIN_TESSERACT });
    if (options.dryRun) {
      const files = await previewIntakeFiles(ctx, { uploads });
      rt.out(options.json ? JSON.stringify({ dryRun: true, files }) : files.flatMap(fileLines).join('\n'));
      return;
    }
    const { batch, accepted } = await runIntakeBatch(ctx, { uploads });
    const files = batchFiles(batch);
    if (options.json) {
      rt.out(JSON.stringify({ dryRun: false, batchId: batch.id, accepted, files }));
      return;
    }
    const left = files.filter((file) => file.state === 'ready').length;
    rt.out([...files.flatMap(fileLines), `Dilampirkan ${String(accepted)} pindaian yang cocok tanpa beda / ${String(accepted)} agreeing scans attached.`, `${String(left)} berkas menunggu ditinjau di aplikasi (Intake ${batch.id}) / ${String(left)} files await review in the app.`].join('\n'));
  });
}

export async function extractCommand(rt: CliRuntime, file: string, options: { json?: boolean }): Promise<void> {
  const bytes = await readFile(resolvePath(rt, file)).catch(() => {
    throw new CliFailure(`Berkas tidak dapat dibaca / cannot read file: ${file}`);
  });
  const reading = await readScan(bytes, {});
  const { kind, nomorPemda, nomorMitra, title, signedOn, startsOn, endsOn, parties } = reading.extraction.fields;
  const result = { fields: { kind, nomorPemda, nomorMitra, title, signedOn, startsOn, endsOn, parties }, confidence: reading.extraction.confidence, pages: reading.pageCount, ocr: reading.ocrPdf !== null };
  rt.out(options.json ? JSON.stringify(result) : fileLines({ fileName: file, error: null, fields: reading.extraction.fields, match: null, conflicts: [] })[1] ?? '');
}
