import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { proposalMeetings } from './meetings.table';

export type MeetingRow = typeof proposalMeetings.$inferSelect;

export async function listMeetingsOf(db: Db, proposalId: string): Promise<MeetingRow[]> {
  return db.select().from(proposalMeetings).where(eq(proposalMeetings.proposalId, proposalId)).orderBy(asc(proposalMeetings.heldAt), asc(proposalMeetings.id));
}

export async function findMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(proposalMeetings).where(eq(proposalMeetings.id, id));
  return row;
}

export async function insertMeeting(db: Db, values: typeof proposalMeetings.$inferInsert): Promise<MeetingRow> {
  const [row] = await db.insert(proposalMeetings).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
