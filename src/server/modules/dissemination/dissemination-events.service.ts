import { randomUUID } from 'node:crypto';
import { MAX_EVENT_PHOTO_BYTES, type EventInput, type EventPhotoView, type EventView } from '../../../shared/dissemination';
import type { ActorCtx } from '../../lib/context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { openStoredBody, type StoredBody } from '../../lib/file-store';
import { diffFields, recordAudit } from '../audit/audit.service';
import { loadReadableAgreement } from '../agreements/agreements.service';
import { photoTypeOf } from '../../lib/file-content';
import { tooLarge, type ReceivedUpload } from '../../lib/multipart';
import { canReadEvents, canRecordEvent } from './dissemination.policy';
import * as repo from './dissemination-events.repository';

const EVENT_WHAT: [string, string] = ['Kegiatan sosialisasi', 'Dissemination event'];
export const PHOTO_LIMIT = { limitBytes: MAX_EVENT_PHOTO_BYTES, limitMb: MAX_EVENT_PHOTO_BYTES / (1024 * 1024) };

function eventViewOf(row: repo.EventRow, photos: EventPhotoView[]): EventView {
  return {
    id: row.id,
    agreementId: row.agreementId,
    heldOn: row.heldOn,
    place: row.place,
    audience: row.audience,
    attendees: row.attendees,
    minutes: row.minutes,
    photos,
    createdAt: row.createdAt.toISOString(),
  };
}

// Events belong to their agreement: whoever may not read a draft agreement reads none of its events.
export async function listEvents(ctx: ActorCtx, agreementId: string): Promise<EventView[]> {
  await loadReadableAgreement(ctx, { id: agreementId, may: canReadEvents });
  const { events: rows, photos } = await repo.loadEvents(ctx.db, agreementId);
  return rows.map((row) =>
    eventViewOf(
      row,
      photos.filter((photo) => photo.eventId === row.id).map((photo) => ({ id: photo.id, fileName: photo.fileName, mimeType: photo.mimeType, sizeBytes: photo.sizeBytes })),
    ),
  );
}

export async function createEvent(ctx: ActorCtx, { agreementId, ...input }: { agreementId: string } & EventInput): Promise<EventView> {
  if (!canRecordEvent(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    await loadReadableAgreement(ctx, { id: agreementId, db: tx, may: canRecordEvent });
    const values = { agreementId, heldOn: input.heldOn, place: input.place, audience: input.audience ?? null, attendees: input.attendees ?? null, minutes: input.minutes ?? null };
    const row = await repo.insertEvent(tx, { ...values, createdBy: ctx.actor.id, createdAt: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'dissemination_event', entityId: row.id, action: 'create', at: ctx.now, changes: diffFields({}, values) });
    return eventViewOf(row, []);
  });
}

// The file is checked before anything is stored; the row and its audit are written together,
// and the stored bytes are removed again if that transaction fails.
export async function addEventPhoto(ctx: ActorCtx, { eventId, upload }: { eventId: string; upload: ReceivedUpload }): Promise<EventPhotoView> {
  if (!canRecordEvent(ctx.actor)) throw forbidden();
  const agreementId = await repo.findEventAgreementId(ctx.db, eventId);
  if (agreementId === null) throw notFound(...EVENT_WHAT);
  await loadReadableAgreement(ctx, { id: agreementId, may: canRecordEvent });
  const file = upload.file;
  if (!file || file.bytes.length === 0) {
    throw new AppError({ code: 'VALIDATION', message: 'Pilih foto JPEG atau PNG untuk diunggah.', messageEn: 'Choose a JPEG or PNG photo to upload.', field: 'file' });
  }
  if (file.bytes.length > PHOTO_LIMIT.limitBytes) throw tooLarge(PHOTO_LIMIT.limitMb);
  const type = photoTypeOf(file.bytes);
  if (!type) {
    throw new AppError({ code: 'UNSUPPORTED_MEDIA', message: 'Foto harus berupa JPEG atau PNG.', messageEn: 'The photo must be a JPEG or PNG file.', field: 'file' });
  }
  const id = randomUUID();
  const storageKey = `events/${eventId}/${id}.${type.extension}`;
  const fileName = (file.fileName ?? `foto.${type.extension}`).slice(0, 200);
  await ctx.files.put(storageKey, file.bytes);
  try {
    return await ctx.db.transaction(async (tx) => {
      await repo.insertEventPhoto(tx, { id, eventId, fileName, mimeType: type.mimeType, sizeBytes: file.bytes.length, storageKey, uploadedBy: ctx.actor.id, createdAt: ctx.now });
      await recordAudit(tx, { actor: ctx.actor, entity: 'dissemination_event', entityId: eventId, action: 'add_photo', at: ctx.now, changes: [{ field: 'photo', old: null, new: fileName }] });
      return { id, fileName, mimeType: type.mimeType, sizeBytes: file.bytes.length };
    });
  } catch (error) {
    await ctx.files.remove(storageKey);
    throw error;
  }
}

export async function readEventPhoto(ctx: ActorCtx, photoId: string): Promise<{ body: StoredBody; fileName: string; mimeType: string }> {
  const found = await repo.findEventPhoto(ctx.db, photoId);
  if (!found) throw notFound('Foto', 'Photo');
  await loadReadableAgreement(ctx, { id: found.agreementId, may: canReadEvents });
  const { photo } = found;
  const body = await openStoredBody(ctx.files, photo.storageKey);
  if (!body) throw notFound('Foto', 'Photo');
  return { body, fileName: photo.fileName, mimeType: photo.mimeType };
}
