import {
  IMPORT_SAMPLE_SIZE,
  type ImportChoices,
  type ImportColumn,
  type ImportIssue,
  type ImportRow,
  type ImportPreview,
  type ImportRunView,
} from '../../../shared/imports';
import type { Database, Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { registerSizeAfter } from '../agreements/register-size.service';
import { listUnits } from '../units/units.service';
import { applyChoices, checkChoices, findNewNames, type NewNames } from './import-new-names.service';
import { readImportTable, type RawTable } from './imports.sheet';
import { leaseUntil, PROCESS_ID, recoverInterruptedImports } from './import-lease.service';
import { planImport, type ImportPlan } from './import-plan.rules';
import { loadImportRegistry, type ImportRegistry } from './import-registry.service';
import { validateTable } from './import-validate.rules';
import { writePlan } from './import-write.service';
import { canImport } from './imports.policy';
import * as repo from './imports.repository';

type RunRow = repo.RunRow;
export type ImportInput = { fileName: string; bytes: Uint8Array };
export type ProgressListener = (doneRows: number, totalRows: number) => Promise<void>;

function assertMayImport(ctx: Ctx) {
  if (!canImport(ctx.actor)) throw forbidden();
}

function toRunView(row: RunRow): ImportRunView {
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    totalRows: row.totalRows,
    doneRows: row.doneRows,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    unchangedCount: row.unchangedCount,
    issues: row.issues as ImportIssue[],
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

type Analysis = { table: RawTable; registry: ImportRegistry; parsed: ImportRow[]; plan: ImportPlan; issues: ImportIssue[] };
// What a run keeps between preview and write: the rows read, and from confirmation the admin's
// choice of existing OPDs and partners for new names.
type StoredPayload = RawTable & { choices?: ImportChoices };

// Reads, validates and plans without writing anything; the same steps run again when confirmed.
async function analyse(db: Db, table: RawTable, choices?: ImportChoices): Promise<Analysis> {
  const registry = await loadImportRegistry(db, table);
  const choiceIssues = await applyChoices(db, { registry, choices });
  const validated = validateTable(table, registry);
  const plan = planImport(validated, { registry, columns: new Set<ImportColumn>(table.columns) });
  const issues = [...choiceIssues, ...validated.issues, ...plan.issues].sort((a, b) => a.row - b.row);
  return { table, registry, parsed: validated.parsed, plan, issues };
}

function previewOf(id: string, fileName: string, analysis: Analysis, newNames: NewNames): Omit<ImportPreview, 'registerSize'> {
  const count = (action: string) => analysis.plan.items.filter((item) => item.action === action).length;
  return {
    id,
    fileName,
    totalRows: analysis.table.rows.length,
    toCreate: count('create'),
    toUpdate: count('update'),
    unchanged: count('unchanged'),
    issues: analysis.issues,
    ignoredColumns: analysis.table.ignoredColumns,
    sample: analysis.plan.items.slice(0, IMPORT_SAMPLE_SIZE).map((item) => ({ ...item.row, action: item.action })),
    ...newNames,
  };
}

const cleanFileName = (name: string) => name.replace(/[\\/]/g, '_').slice(0, 255) || 'impor';

// The embedded database's size limit for this process; null on PostgreSQL (no limit of its own).
export type SizeLimit = { embeddedLimit?: number | null };

async function previewDraft(db: Db, fileName: string, analysis: Analysis, limit: SizeLimit): Promise<ImportPreview> {
  const preview = previewOf('', fileName, analysis, await findNewNames(db, { rows: analysis.parsed, registry: analysis.registry }));
  return { ...preview, registerSize: await registerSizeAfter(db, { creates: preview.toCreate, limit: limit.embeddedLimit ?? null }) };
}

async function storePreview(ctx: Ctx, fileName: string, analysis: Analysis, limit: SizeLimit): Promise<ImportPreview> {
  const draft = await previewDraft(ctx.db, fileName, analysis, limit);
  return ctx.db.transaction(async (tx) => {
    const runId = await repo.insertRun(tx, {
      fileName,
      status: 'preview',
      totalRows: draft.totalRows,
      createdCount: draft.toCreate,
      updatedCount: draft.toUpdate,
      unchangedCount: draft.unchanged,
      issues: draft.issues,
      payload: analysis.table,
      createdBy: ctx.actor?.id ?? null,
      createdAt: ctx.now,
    });
    const changes = [{ field: 'fileName', old: null, new: fileName }, { field: 'issues', old: null, new: draft.issues.length }];
    await recordAudit(tx, { actor: ctx.actor, entity: 'import_run', entityId: runId, action: 'preview', changes, at: ctx.now });
    return { ...draft, id: runId };
  });
}

// Step 1: read and check the file; the registry is not touched. The run keeps the rows for step 2.
export async function previewImport(ctx: Ctx, input: ImportInput, limit: SizeLimit = {}): Promise<ImportPreview> {
  assertMayImport(ctx);
  const analysis = await analyse(ctx.db, await readImportTable(input.bytes));
  return storePreview(ctx, cleanFileName(input.fileName), analysis, limit);
}

async function findRun(db: Db, id: string): Promise<RunRow> {
  const run = await repo.findRun(db, id);
  if (!run) throw notFound('Impor', 'Import');
  return run;
}

// Step 2: a clean preview (or a run whose process died before it finished) becomes a running import
// owned by this process, with the admin's choices for new names; the write itself is runImport.
export async function confirmImport(ctx: Ctx, input: { runId: string; choices?: ImportChoices | undefined }): Promise<ImportRunView> {
  assertMayImport(ctx);
  const id = input.runId;
  const choices = input.choices ?? { units: [], partners: [] };
  await recoverInterruptedImports(ctx, { runId: id });
  const payload = (await findRun(ctx.db, id)).payload as StoredPayload | null;
  // Refused before anything changes: the run stays a preview that may be confirmed again.
  if (payload) await checkChoices(ctx.db, { table: payload, choices, unitIds: new Set((await listUnits(ctx.db)).map((unit) => unit.id)) });
  const started = await repo.startRun(ctx.db, { id, ownerId: PROCESS_ID, leaseExpiresAt: leaseUntil(ctx.now), choices });
  if (started) return toRunView(started);
  const run = await findRun(ctx.db, id);
  if (run.status === 'preview') {
    throw new AppError({ code: 'CONFLICT', message: 'Berkas masih memuat kesalahan; perbaiki lalu unggah ulang.', messageEn: 'The file still has errors; fix them and upload again.' });
  }
  throw new AppError({ code: 'CONFLICT', message: 'Impor ini sudah dijalankan.', messageEn: 'This import has already been started.' });
}

class ImportRejected extends Error {
  readonly issues: ImportIssue[];
  constructor(issues: ImportIssue[]) {
    super('import rejected');
    this.issues = issues;
  }
}

// Writes an analysed, clean file and closes its run, inside the caller's transaction.
async function writeAnalysed(ctx: Ctx, tx: Db, runId: string, analysis: Analysis, onProgress?: ProgressListener): Promise<RunRow | undefined> {
  const total = analysis.table.rows.length;
  const unchanged = analysis.plan.items.filter((item) => item.action === 'unchanged').length;
  let done = unchanged;
  const onBatch = async (rows: number) => {
    done += rows;
    await onProgress?.(done, total);
  };
  const counts = await writePlan({ ...ctx, db: tx, registry: analysis.registry, onBatch }, analysis.plan.items);
  const changes = [{ field: 'created', old: null, new: counts.created }, { field: 'updated', old: null, new: counts.updated }, { field: 'unchanged', old: null, new: unchanged }];
  await recordAudit(tx, { actor: ctx.actor, entity: 'import_run', entityId: runId, action: 'import', changes, at: ctx.now });
  const result = { status: 'done' as const, doneRows: total, totalRows: total, createdCount: counts.created, updatedCount: counts.updated, unchangedCount: unchanged, issues: [], finishedAt: ctx.now };
  return repo.updateRun(tx, { id: runId, patch: result });
}

async function writeRun(ctx: Ctx, run: RunRow, onProgress?: ProgressListener): Promise<RunRow> {
  return ctx.db.transaction(async (tx) => {
    // Checked again inside the transaction: the registry may have changed since the preview.
    const payload = run.payload as StoredPayload;
    const analysis = await analyse(tx, payload, payload.choices);
    if (analysis.issues.length > 0) throw new ImportRejected(analysis.issues);
    const finished = await writeAnalysed(ctx, tx, run.id, analysis, onProgress);
    if (!finished) throw notFound('Impor', 'Import');
    return finished;
  });
}

async function markFailed(ctx: Ctx, runId: string, issues: ImportIssue[]): Promise<RunRow> {
  const failed = await repo.updateRun(ctx.db, { id: runId, patch: { status: 'failed', issues, finishedAt: ctx.now } });
  await recordAudit(ctx.db, { actor: ctx.actor, entity: 'import_run', entityId: runId, action: 'import_failed', changes: [{ field: 'issues', old: null, new: issues.length }], at: ctx.now });
  if (!failed) throw notFound('Impor', 'Import');
  return failed;
}

// Step 3 (in the background for the web app): one transaction, written in batches. A failure rolls
// everything back and leaves the run 'failed' with the reason; an unexpected error is then rethrown.
export async function runImport(ctx: Ctx, input: { runId: string; onProgress?: ProgressListener | undefined }): Promise<ImportRunView> {
  const { runId, onProgress } = input;
  assertMayImport(ctx);
  const run = await findRun(ctx.db, runId);
  if (run.status !== 'running') {
    throw new AppError({ code: 'CONFLICT', message: 'Impor ini belum dikonfirmasi atau sudah selesai.', messageEn: 'This import is not confirmed or has already finished.' });
  }
  try {
    return toRunView(await writeRun(ctx, run, onProgress));
  } catch (error) {
    if (error instanceof ImportRejected) return toRunView(await markFailed(ctx, runId, error.issues));
    const message = error instanceof AppError ? error.message : 'Terjadi kesalahan pada server saat menulis impor; tidak ada yang disimpan.';
    const failed = await markFailed(ctx, runId, [{ row: 0, column: '', message }]);
    if (error instanceof AppError) return toRunView(failed);
    throw error;
  }
}

// On PostgreSQL the progress goes through another pooled connection, so readers see it while the
// import's transaction is open. PGlite runs one statement at a time: the run is read when it ends.
export function progressRecorder(database: Database, runId: string): ProgressListener | undefined {
  if (database.kind !== 'postgres') return undefined;
  return async (doneRows) => {
    await repo.updateRun(database.db, { id: runId, patch: { doneRows } });
  };
}

export async function getImportRun(ctx: Ctx, input: { runId: string }): Promise<ImportRunView> {
  assertMayImport(ctx);
  await recoverInterruptedImports(ctx, input);
  return toRunView(await findRun(ctx.db, input.runId));
}

export async function listImportRuns(ctx: Ctx): Promise<ImportRunView[]> {
  assertMayImport(ctx);
  await recoverInterruptedImports(ctx);
  return (await repo.latestRuns(ctx.db, 20)).map(toRunView);
}

export type ImportFileResult = { preview: Omit<ImportPreview, 'id'> & { id: string | null }; run: ImportRunView | null };

// One-shot for the command line: read, check and (unless it is a dry run or the file has errors)
// write, all in one transaction, so the file is checked against exactly the registry it is written to.
export async function importFile(ctx: Ctx, input: ImportInput & SizeLimit & { dryRun: boolean; onProgress?: ProgressListener }): Promise<ImportFileResult> {
  assertMayImport(ctx);
  const fileName = cleanFileName(input.fileName);
  const table = await readImportTable(input.bytes);
  if (input.dryRun) return { preview: { ...(await previewDraft(ctx.db, fileName, await analyse(ctx.db, table), input)), id: null }, run: null };
  return ctx.db.transaction(async (tx) => {
    const analysis = await analyse(tx, table);
    const preview = await previewDraft(tx, fileName, analysis, input);
    if (analysis.issues.length > 0) return { preview: { ...preview, id: null }, run: null };
    const runId = await repo.insertRun(tx, { fileName, status: 'running', totalRows: preview.totalRows, createdBy: ctx.actor?.id ?? null, createdAt: ctx.now });
    const finished = await writeAnalysed(ctx, tx, runId, analysis, input.onProgress);
    if (!finished) throw notFound('Impor', 'Import');
    return { preview: { ...preview, id: runId }, run: toRunView(finished) };
  });
}
