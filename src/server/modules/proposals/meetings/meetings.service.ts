import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateMeetingSchema, MeetingListResponse, MeetingView, UpdateMeetingSchema } from '../../../../shared/proposal-reviews';
import { CLOSED_PROPOSAL_STATES } from '../../../../shared/proposals';
import type { Db } from '../../../db/client';
import type { ActorCtx } from '../../../lib/context';
import { invalid, notFound } from '../../../lib/errors';
import { updateVersioned } from '../../../lib/versioned';
import { diffFields, recordAudit } from '../../audit/audit.service';
import { canReadMeetings, canRecordMeeting } from '../reviews/reviews.policy';
import { findPeople } from '../reviews/reviews.repository';
import { findMeeting, insertMeeting, listMeetingsOf, type MeetingRow } from './meetings.repository';
import { proposalMeetings } from './meetings.table';
import * as repo from '../core/proposals.repository';
import { loadReadableProposal } from '../core/proposals-access.service';
import { closedProposal } from '../core/proposals.service';

// Rapat pembahasan: the discussion with the initiator and the TKKSD, kept with the proposal and
// shown on its timeline (an entry when the meeting is recorded).

type CreateData = z.output<typeof CreateMeetingSchema>;
type UpdateData = z.output<typeof UpdateMeetingSchema>;
const MEETING_WHAT: [string, string] = ['Rapat pembahasan', 'Discussion meeting'];

function toView(row: MeetingRow): MeetingView {
  return {
    id: row.id,
    proposalId: row.proposalId,
    heldAt: row.heldAt.toISOString(),
    place: row.place,
    link: row.link,
    attendees: row.attendees,
    minutes: row.minutes,
    decisions: row.decisions,
    followUps: row.followUps,
    createdBy: row.createdBy,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function fieldsOf(row: MeetingRow) {
  return { heldAt: row.heldAt.toISOString(), place: row.place, link: row.link, attendees: row.attendees, minutes: row.minutes, decisions: row.decisions, followUps: row.followUps };
}

// An attendee may name a Jalin user; the id must be one.
async function checkAttendees(db: Db, attendees: CreateData['attendees'] | undefined): Promise<void> {
  const ids = [...new Set((attendees ?? []).flatMap((attendee) => (attendee.userId ? [attendee.userId] : [])))];
  const known = new Set((await findPeople(db, ids)).map((person) => person.id));
  const index = (attendees ?? []).findIndex((attendee) => attendee.userId && !known.has(attendee.userId));
  if (index >= 0) throw invalid(`attendees.${String(index)}.userId`, { message: 'Pengguna peserta rapat tidak ditemukan.', messageEn: 'The attendee user does not exist.' });
}

async function lockForMeeting(ctx: ActorCtx, db: Db, proposalId: string) {
  const proposal = await loadReadableProposal(ctx, { id: proposalId, db, lock: true, may: (actor, row) => canReadMeetings(actor, row) && canRecordMeeting(actor, row) });
  if (CLOSED_PROPOSAL_STATES.includes(proposal.state)) throw closedProposal();
  return proposal;
}

export async function listMeetings(ctx: ActorCtx, proposalId: string): Promise<MeetingListResponse> {
  const proposal = await loadReadableProposal(ctx, { id: proposalId, may: canReadMeetings });
  const rows = await listMeetingsOf(ctx.db, proposalId);
  const isOpen = !CLOSED_PROPOSAL_STATES.includes(proposal.state);
  return { items: rows.map(toView), canRecord: isOpen && canRecordMeeting(ctx.actor, proposal) };
}

export async function createMeeting(ctx: ActorCtx, { proposalId, ...input }: { proposalId: string } & CreateData): Promise<MeetingView> {
  await checkAttendees(ctx.db, input.attendees);
  const row = await ctx.db.transaction(async (tx) => {
    const proposal = await lockForMeeting(ctx, tx, proposalId);
    const created = await insertMeeting(tx, { proposalId, ...input, heldAt: new Date(input.heldAt), place: input.place ?? null, link: input.link ?? null, minutes: input.minutes ?? null, createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now });
    await repo.insertEvent(tx, { proposalId, at: ctx.now, action: 'meeting_recorded', note: created.place ?? created.link, details: { meetingId: created.id, heldAt: created.heldAt.toISOString(), stageCode: proposal.stageCode }, actorId: ctx.actor.id, actorLabel: ctx.actor.email });
    await recordAudit(tx, { actor: ctx.actor, entity: 'proposal_meeting', entityId: created.id, action: 'create', at: ctx.now, changes: diffFields({}, fieldsOf(created)) });
    return created;
  });
  return toView(row);
}

export async function updateMeeting(ctx: ActorCtx, { meetingId, ...input }: { meetingId: string } & UpdateData): Promise<MeetingView> {
  await checkAttendees(ctx.db, input.attendees);
  const row = await ctx.db.transaction(async (tx) => {
    const before = await findMeeting(tx, meetingId);
    if (!before) throw notFound(...MEETING_WHAT);
    await lockForMeeting(ctx, tx, before.proposalId);
    const { version, heldAt, ...rest } = input;
    const patch: Record<string, unknown> = { ...rest, ...(heldAt ? { heldAt: new Date(heldAt) } : {}) };
    const place = 'place' in input ? input.place : before.place;
    const link = 'link' in input ? input.link : before.link;
    if (!place && !link) throw invalid('place', { message: 'Tempat atau tautan rapat wajib diisi.', messageEn: 'A place or a link is required.' });
    const after = await updateVersioned({ db: tx, table: proposalMeetings, where: eq(proposalMeetings.id, meetingId), version, patch, now: ctx.now, what: MEETING_WHAT });
    await recordAudit(tx, { actor: ctx.actor, entity: 'proposal_meeting', entityId: meetingId, action: 'update', at: ctx.now, changes: diffFields(fieldsOf(before), fieldsOf(after)) });
    return after;
  });
  return toView(row);
}
