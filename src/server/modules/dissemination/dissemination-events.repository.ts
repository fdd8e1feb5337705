import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { disseminationEventPhotos, disseminationEvents } from './dissemination.table';

export type EventRow = typeof disseminationEvents.$inferSelect;
export type EventPhotoRow = typeof disseminationEventPhotos.$inferSelect;

// An agreement's sosialisasi records, newest first, and their photos in upload order.
export async function loadEvents(db: Db, agreementId: string): Promise<{ events: EventRow[]; photos: EventPhotoRow[] }> {
  const events = await db.select().from(disseminationEvents).where(eq(disseminationEvents.agreementId, agreementId)).orderBy(desc(disseminationEvents.heldOn));
  const photos =
    events.length === 0
      ? []
      : await db
          .select()
          .from(disseminationEventPhotos)
          .where(inArray(disseminationEventPhotos.eventId, events.map((row) => row.id)))
          .orderBy(asc(disseminationEventPhotos.createdAt));
  return { events, photos };
}

export async function insertEvent(tx: Db, values: typeof disseminationEvents.$inferInsert): Promise<EventRow> {
  const [row] = await tx.insert(disseminationEvents).values(values).returning();
  if (!row) throw new Error('event insert returned nothing');
  return row;
}

export async function findEventAgreementId(db: Db, eventId: string): Promise<string | null> {
  const [event] = await db.select({ agreementId: disseminationEvents.agreementId }).from(disseminationEvents).where(eq(disseminationEvents.id, eventId));
  return event?.agreementId ?? null;
}

export async function insertEventPhoto(tx: Db, values: typeof disseminationEventPhotos.$inferInsert): Promise<void> {
  await tx.insert(disseminationEventPhotos).values(values);
}

export async function findEventPhoto(db: Db, photoId: string): Promise<{ photo: EventPhotoRow; agreementId: string } | null> {
  const [found] = await db
    .select({ photo: disseminationEventPhotos, agreementId: disseminationEvents.agreementId })
    .from(disseminationEventPhotos)
    .innerJoin(disseminationEvents, eq(disseminationEvents.id, disseminationEventPhotos.eventId))
    .where(eq(disseminationEventPhotos.id, photoId));
  return found ?? null;
}
