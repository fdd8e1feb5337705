import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agreementUnits, agreements } from '../agreements/agreements.table';
import { documents } from './documents.table';

export type DocumentRow = typeof documents.$inferSelect;
export type AgreementAccess = { id: string; isDraft: boolean; unitIds: string[] };

// What a permission check needs to know about an agreement.
export async function findAgreementAccess(db: Db, agreementId: string): Promise<AgreementAccess | null> {
  const [row] = await db.select({ id: agreements.id, isDraft: agreements.isDraft }).from(agreements).where(eq(agreements.id, agreementId));
  if (!row) return null;
  const links = await db.select({ unitId: agreementUnits.unitId }).from(agreementUnits).where(eq(agreementUnits.agreementId, agreementId));
  return { ...row, unitIds: links.map((link) => link.unitId) };
}

// The columns of a document without its (possibly very long) text.
const summaryColumns = {
  id: documents.id,
  agreementId: documents.agreementId,
  kind: documents.kind,
  fileName: documents.fileName,
  mimeType: documents.mimeType,
  sizeBytes: documents.sizeBytes,
  sha256: documents.sha256,
  storageKey: documents.storageKey,
  pageCount: documents.pageCount,
  needsOcr: documents.needsOcr,
  activeContent: documents.activeContent,
  ocrStorageKey: documents.ocrStorageKey,
  isPublic: documents.isPublic,
  uploadedBy: documents.uploadedBy,
  createdAt: documents.createdAt,
};

export type DocumentSummary = Omit<DocumentRow, 'textContent' | 'searchVector'>;

export async function listDocumentsOf(db: Db, agreementId: string): Promise<DocumentSummary[]> {
  return db
    .select(summaryColumns)
    .from(documents)
    .where(eq(documents.agreementId, agreementId))
    .orderBy(asc(documents.createdAt), asc(documents.id));
}

export async function findDocument(db: Db, id: string): Promise<DocumentSummary | null> {
  const [row] = await db.select(summaryColumns).from(documents).where(eq(documents.id, id));
  return row ?? null;
}

export async function insertDocument(db: Db, values: typeof documents.$inferInsert): Promise<DocumentSummary> {
  const [row] = await db.insert(documents).values(values).returning(summaryColumns);
  if (!row) throw new Error('insertDocument: nothing inserted');
  return row;
}

export async function deleteDocumentRow(db: Db, id: string): Promise<DocumentSummary | null> {
  const [row] = await db.delete(documents).where(eq(documents.id, id)).returning(summaryColumns);
  return row ?? null;
}
