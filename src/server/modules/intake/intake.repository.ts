import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { intakeBatches, intakeFiles, type IntakeFileState } from './intake.table';

export type IntakeBatchRow = typeof intakeBatches.$inferSelect;
export type IntakeFileRow = typeof intakeFiles.$inferSelect;
export type NewIntakeFile = Omit<typeof intakeFiles.$inferInsert, 'batchId'>;

export async function insertBatch(db: Db, input: { createdBy: string | null; createdAt: Date; files: NewIntakeFile[] }): Promise<IntakeBatchRow> {
  const [batch] = await db.insert(intakeBatches).values({ createdBy: input.createdBy, createdAt: input.createdAt, fileCount: input.files.length }).returning();
  if (!batch) throw new Error('insertBatch: nothing inserted');
  if (input.files.length > 0) await db.insert(intakeFiles).values(input.files.map((file) => ({ ...file, batchId: batch.id })));
  return batch;
}

export async function findBatch(db: Db, id: string): Promise<IntakeBatchRow | null> {
  const [row] = await db.select().from(intakeBatches).where(eq(intakeBatches.id, id));
  return row ?? null;
}

export async function recentBatches(db: Db, limit: number): Promise<IntakeBatchRow[]> {
  return db.select().from(intakeBatches).orderBy(desc(intakeBatches.createdAt)).limit(limit);
}

export async function filesOfBatch(db: Db, batchId: string): Promise<IntakeFileRow[]> {
  return db.select().from(intakeFiles).where(eq(intakeFiles.batchId, batchId)).orderBy(intakeFiles.createdAt, intakeFiles.fileName, intakeFiles.id);
}

export async function stateCounts(db: Db, batchIds: string[]): Promise<{ batchId: string; state: IntakeFileState; count: number }[]> {
  if (batchIds.length === 0) return [];
  return db
    .select({ batchId: intakeFiles.batchId, state: intakeFiles.state, count: sql<number>`count(*)::int` })
    .from(intakeFiles)
    .where(inArray(intakeFiles.batchId, batchIds))
    .groupBy(intakeFiles.batchId, intakeFiles.state);
}

// lock: held until the transaction ends, so that two accepts of one file run one after the other.
export async function findFile(db: Db, input: { id: string; lock?: boolean }): Promise<IntakeFileRow | null> {
  const query = db.select().from(intakeFiles).where(eq(intakeFiles.id, input.id));
  const [row] = input.lock ? await query.for('update') : await query;
  return row ?? null;
}

// The next due file, as claimDueJob does for document OCR (ocr-jobs.repository.ts).
export async function claimDueFile(db: Db, input: { now: Date; leaseUntil: Date }): Promise<IntakeFileRow | null> {
  const { now, leaseUntil } = input;
  const due = sql`SELECT ${intakeFiles.id} FROM ${intakeFiles}
    WHERE (${intakeFiles.state} = 'queued' AND ${intakeFiles.nextAttemptAt} <= ${now})
       OR (${intakeFiles.state} = 'reading' AND ${intakeFiles.leaseUntil} < ${now})
    ORDER BY ${intakeFiles.nextAttemptAt}, ${intakeFiles.id}
    LIMIT 1 FOR UPDATE SKIP LOCKED`;
  const [row] = await db
    .update(intakeFiles)
    .set({ state: 'reading', attempts: sql`${intakeFiles.attempts} + 1`, leaseUntil, page: null, error: null })
    .where(sql`${intakeFiles.id} = (${due})`)
    .returning();
  return row ?? null;
}

// One given file, claimed now if it is queued (the command line reads its own batch at once).
export async function claimFile(db: Db, input: { id: string; leaseUntil: Date }): Promise<IntakeFileRow | null> {
  const [row] = await db
    .update(intakeFiles)
    .set({ state: 'reading', attempts: sql`${intakeFiles.attempts} + 1`, leaseUntil: input.leaseUntil, page: null, error: null })
    .where(and(eq(intakeFiles.id, input.id), eq(intakeFiles.state, 'queued')))
    .returning();
  return row ?? null;
}

export async function recordProgress(db: Db, input: { id: string; page: number; leaseUntil: Date }): Promise<void> {
  await db.update(intakeFiles).set({ page: input.page, leaseUntil: input.leaseUntil }).where(and(eq(intakeFiles.id, input.id), eq(intakeFiles.state, 'reading')));
}

export async function storeReading(
  db: Db,
  input: { id: string; text: string; pageCount: number; ocrStorageKey: string | null; extraction: unknown; matchAgreementId: string | null },
): Promise<void> {
  const { id, ...values } = input;
  await db.update(intakeFiles).set({ ...values, state: 'ready', leaseUntil: null, error: null }).where(eq(intakeFiles.id, id));
}

export async function failFile(db: Db, input: { id: string; error: string }): Promise<void> {
  await db.update(intakeFiles).set({ state: 'failed', error: input.error, leaseUntil: null }).where(eq(intakeFiles.id, input.id));
}

export async function requeueFile(db: Db, input: { id: string; error: string | null; nextAttemptAt: Date }): Promise<void> {
  await db.update(intakeFiles).set({ state: 'queued', error: input.error, nextAttemptAt: input.nextAttemptAt, leaseUntil: null, page: null }).where(eq(intakeFiles.id, input.id));
}

export async function recordDecision(
  db: Db,
  input: { id: string; state: 'accepted' | 'rejected'; acceptedAgreementId: string | null; decidedBy: string | null; decidedAt: Date },
): Promise<void> {
  const { id, ...values } = input;
  await db.update(intakeFiles).set(values).where(eq(intakeFiles.id, id));
}

export async function requeueReadingFiles(db: Db, now: Date): Promise<void> {
  await db.update(intakeFiles).set({ state: 'queued', nextAttemptAt: now, leaseUntil: null, page: null }).where(eq(intakeFiles.state, 'reading'));
}
