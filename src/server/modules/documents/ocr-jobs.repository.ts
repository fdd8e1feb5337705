import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { documents } from './documents.table';
import { documentOcrJobs } from './ocr-jobs.table';

export type OcrJobRow = typeof documentOcrJobs.$inferSelect;

export async function insertOcrJob(db: Db, input: { documentId: string; pageCount: number | null; now: Date }): Promise<void> {
  await db.insert(documentOcrJobs).values({ documentId: input.documentId, pageCount: input.pageCount, nextAttemptAt: input.now, queuedAt: input.now });
}

export async function findOcrJobs(db: Db, documentIds: string[]): Promise<OcrJobRow[]> {
  if (documentIds.length === 0) return [];
  return db.select().from(documentOcrJobs).where(inArray(documentOcrJobs.documentId, documentIds));
}

// The next due job, taken by this process alone: queued and due, or running with its lease run out
// (its server stopped). SKIP LOCKED lets several processes claim at once without waiting on each other.
export async function claimDueJob(db: Db, input: { now: Date; leaseUntil: Date }): Promise<OcrJobRow | null> {
  const { now, leaseUntil } = input;
  const due = sql`SELECT ${documentOcrJobs.documentId} FROM ${documentOcrJobs}
    WHERE (${documentOcrJobs.state} = 'queued' AND ${documentOcrJobs.nextAttemptAt} <= ${now})
       OR (${documentOcrJobs.state} = 'running' AND ${documentOcrJobs.leaseUntil} < ${now})
    ORDER BY ${documentOcrJobs.nextAttemptAt}, ${documentOcrJobs.documentId}
    LIMIT 1 FOR UPDATE SKIP LOCKED`;
  const [row] = await db
    .update(documentOcrJobs)
    .set({ state: 'running', attempts: sql`${documentOcrJobs.attempts} + 1`, leaseUntil, startedAt: now, page: null, error: null })
    .where(sql`${documentOcrJobs.documentId} = (${due})`)
    .returning();
  return row ?? null;
}

// Progress of a running job; the lease is extended with it, so a long scan is not taken for a dead one.
export async function recordOcrProgress(db: Db, input: { documentId: string; page: number; leaseUntil: Date }): Promise<void> {
  await db
    .update(documentOcrJobs)
    .set({ page: input.page, leaseUntil: input.leaseUntil })
    .where(and(eq(documentOcrJobs.documentId, input.documentId), eq(documentOcrJobs.state, 'running')));
}

export async function finishOcrJob(db: Db, input: { documentId: string; state: 'done' | 'failed'; error: string | null; now: Date }): Promise<void> {
  await db
    .update(documentOcrJobs)
    .set({ state: input.state, error: input.error, finishedAt: input.now, leaseUntil: null })
    .where(eq(documentOcrJobs.documentId, input.documentId));
}

export async function requeueOcrJob(db: Db, input: { documentId: string; error: string | null; nextAttemptAt: Date; resetAttempts: boolean }): Promise<boolean> {
  const rows = await db
    .update(documentOcrJobs)
    .set({
      state: 'queued',
      error: input.error,
      nextAttemptAt: input.nextAttemptAt,
      leaseUntil: null,
      page: null,
      ...(input.resetAttempts ? { attempts: 0, finishedAt: null } : {}),
    })
    .where(eq(documentOcrJobs.documentId, input.documentId))
    .returning({ documentId: documentOcrJobs.documentId });
  return rows.length > 0;
}

// The document's file and what OCR needs of it.
export async function findOcrSource(db: Db, documentId: string) {
  const [row] = await db
    .select({ id: documents.id, storageKey: documents.storageKey, ocrStorageKey: documents.ocrStorageKey, pageCount: documents.pageCount })
    .from(documents)
    .where(eq(documents.id, documentId));
  return row ?? null;
}

// The OCR'd text replaces the text layer's (which it contains: pages with text were left as they were).
export async function storeOcrResult(db: Db, input: { documentId: string; text: string; pageCount: number; ocrStorageKey: string }): Promise<boolean> {
  const rows = await db
    .update(documents)
    .set({ textContent: input.text === '' ? null : input.text, needsOcr: false, pageCount: input.pageCount, ocrStorageKey: input.ocrStorageKey })
    .where(eq(documents.id, input.documentId))
    .returning({ id: documents.id });
  return rows.length > 0;
}

export async function requeueRunningJobs(db: Db, now: Date): Promise<void> {
  await db.update(documentOcrJobs).set({ state: 'queued', nextAttemptAt: now, leaseUntil: null, page: null }).where(eq(documentOcrJobs.state, 'running'));
}
