import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { proposalDocumentComments } from './comments.table';

export type CommentRow = typeof proposalDocumentComments.$inferSelect;

export async function listCommentsOf(db: Db, documentId: string): Promise<CommentRow[]> {
  return db.select().from(proposalDocumentComments).where(eq(proposalDocumentComments.documentId, documentId)).orderBy(asc(proposalDocumentComments.createdAt), asc(proposalDocumentComments.id));
}

export async function insertComment(db: Db, values: typeof proposalDocumentComments.$inferInsert): Promise<CommentRow> {
  const [row] = await db.insert(proposalDocumentComments).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
