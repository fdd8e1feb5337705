import { eq } from 'drizzle-orm';
import type { DraftType } from '../../../../shared/proposal-signing';
import type { Db } from '../../../db/client';
import { draftTemplates } from './draft-templates.table';

export type DraftTemplateRow = typeof draftTemplates.$inferSelect;

export async function findDraftTemplate(db: Db, type: DraftType): Promise<DraftTemplateRow | undefined> {
  const [row] = await db.select().from(draftTemplates).where(eq(draftTemplates.type, type));
  return row;
}

export async function listDraftTemplateRows(db: Db): Promise<DraftTemplateRow[]> {
  return db.select().from(draftTemplates);
}
