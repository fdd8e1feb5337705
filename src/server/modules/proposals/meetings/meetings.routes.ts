import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateMeetingSchema, UpdateMeetingSchema } from '../../../../shared/proposal-reviews';
import { actorCtxOf, typed } from '../../../lib/http';
import { createMeeting, listMeetings, updateMeeting } from './meetings.service';

// Discussion meetings (rapat pembahasan) of a proposal (contracts in src/shared/proposal-reviews.ts).
//
// GET   /api/proposals/:id/meetings   → { items: MeetingView[], canRecord }   staff who can read the proposal;
//       canRecord says whether this reader may record and edit them now
// POST  /api/proposals/:id/meetings   CreateMeetingInput → 201 MeetingView; a timeline entry 'meeting_recorded'
// PATCH /api/proposal-meetings/:id    UpdateMeetingInput (any fields + version) → MeetingView; stale version → 409 STALE
//       recording and editing: admin, or a TKKSD member assigned to the proposal's review
//
// CreateMeetingInput: { heldAt: ISO date-time with offset, place? , link? (one of them), attendees: [{ name,
// role?, userId? }], minutes?, decisions: string[], followUps: [{ text, owner, dueDate? YYYY-MM-DD, done }] }

const tags = ['proposals', 'meetings'];
const idParam = z.object({ id: z.uuid() });

export function proposalMeetingsRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/proposals/:id/meetings', { schema: { tags, summary: 'Discussion meetings of a proposal', params: idParam }, config: { access: 'signed-in' } }, (request) => listMeetings(actorCtxOf(request), request.params.id));
  api.post('/proposals/:id/meetings', { schema: { tags, summary: 'Record a discussion meeting', params: idParam, body: CreateMeetingSchema }, config: { access: ['admin', 'tkksd'] } }, async (request, reply) =>
    reply.status(201).send(await createMeeting(actorCtxOf(request), { proposalId: request.params.id, ...request.body })),
  );
  api.patch('/proposal-meetings/:id', { schema: { tags, summary: 'Edit a discussion meeting (minutes, decisions, follow-ups…)', params: idParam, body: UpdateMeetingSchema }, config: { access: ['admin', 'tkksd'] } }, (request) =>
    updateMeeting(actorCtxOf(request), { meetingId: request.params.id, ...request.body }),
  );
}
