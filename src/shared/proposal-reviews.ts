import { z } from 'zod';
import { MAX_NAME_LENGTH } from './limits';
import { MAX_NOTE_LENGTH } from './proposals';
import { plainText, versionSchema } from './input';

// ——— Review by the TKKSD (Tim Koordinasi Kerja Sama Daerah) ———
// The admin sets reviewers in ordered tiers for a proposal at the TKKSD stage. Tier n+1 opens when
// tier n is satisfied: every reviewer approves (`all`) or any one does (`any`). A request for revision
// sends the proposal back and starts a new round for the tier that is open; a reject rejects it.

// The stage whose closing belongs to the review (seeded for every kind of cooperation).
export const TKKSD_STAGE_CODE = 'pembahasan_tkksd';

export const REVIEW_TIER_RULES = ['all', 'any'] as const;
export type ReviewTierRule = (typeof REVIEW_TIER_RULES)[number];

export const REVIEW_DECISIONS = ['approve', 'request_revision', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

// berjalan: a tier is open · selesai: every tier satisfied · ditolak: a reviewer rejected the proposal.
export const REVIEW_STATUSES = ['berjalan', 'selesai', 'ditolak'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const MAX_REVIEW_TIERS = 10;
export const MAX_REVIEWERS_PER_TIER = 20;
export const MIN_COMMENT_LENGTH = 5;

const ReviewTierInputSchema = z.object({
  rule: z.enum(REVIEW_TIER_RULES),
  reviewerIds: z
    .array(z.uuid())
    .min(1, 'paling sedikit satu peninjau / at least one reviewer')
    .max(MAX_REVIEWERS_PER_TIER),
});

export const CreateReviewSchema = z
  .object({ tiers: z.array(ReviewTierInputSchema).min(1, 'paling sedikit satu tingkat / at least one tier').max(MAX_REVIEW_TIERS) })
  .strict()
  .superRefine((value, context) => {
    const seen = new Set<string>();
    value.tiers.forEach((tier, tierIndex) => {
      tier.reviewerIds.forEach((reviewerId, index) => {
        if (seen.has(reviewerId)) context.addIssue({ code: 'custom', path: ['tiers', tierIndex, 'reviewerIds', index], message: 'peninjau ganda / duplicate reviewer' });
        seen.add(reviewerId);
      });
    });
  });
export type CreateReviewInput = z.input<typeof CreateReviewSchema>;

// The replaced reviewer's assignment ends; the new one takes its place in the same tier.
export const ReplaceReviewerSchema = z.object({ assignmentId: z.uuid(), reviewerId: z.uuid(), version: versionSchema }).strict();
export type ReplaceReviewerInput = z.input<typeof ReplaceReviewerSchema>;

// A request for revision or a reject says why: the initiator reads it.
export const ReviewDecisionSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS),
    comment: plainText().trim().max(MAX_NOTE_LENGTH).nullable().optional(),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.decision !== 'approve' && (value.comment ?? '').length < MIN_COMMENT_LENGTH) {
      context.addIssue({ code: 'custom', path: ['comment'], message: 'komentar wajib diisi / a comment is required' });
    }
  });
export type ReviewDecisionInput = z.input<typeof ReviewDecisionSchema>;

export type ReviewDecisionView = {
  id: number;
  round: number;
  tier: number;
  assignmentId: string;
  reviewerId: string;
  reviewerName: string;
  decision: ReviewDecision;
  comment: string | null;
  at: string;
};

export type ReviewAssignmentView = {
  id: string;
  tier: number;
  reviewer: { id: string; name: string; email: string; role: 'admin' | 'tkksd' };
  assignedAt: string;
  // Set when the reviewer was replaced; the assignment then counts no more.
  endedAt: string | null;
  replacedBy: string | null;
  // The decision of the current round, if any.
  currentDecision: ReviewDecision | null;
};

export type ReviewTierView = {
  position: number;
  rule: ReviewTierRule;
  // passed: satisfied in an earlier step · open: awaiting decisions · waiting: opens after the tiers before it.
  status: 'passed' | 'open' | 'waiting';
  assignments: ReviewAssignmentView[];
};

// Who the division may put on a review: the server decides (GET /api/proposals/reviewer-candidates).
export type ReviewerCandidateView = { id: string; name: string; email: string; role: 'admin' | 'tkksd' };
export type ReviewerCandidateListResponse = { items: ReviewerCandidateView[] };

export type ReviewView = {
  id: string;
  proposalId: string;
  stageCode: string;
  status: ReviewStatus;
  // Decisions belong to a round; a request for revision starts the next one.
  round: number;
  currentTier: number;
  // True while the proposal is sent back and the review waits for the initiator to resume.
  isAwaitingRevision: boolean;
  tiers: ReviewTierView[];
  decisions: ReviewDecisionView[];
  // The asking user's open assignment that may decide now, if any.
  myPendingAssignmentId: string | null;
  completedAt: string | null;
  version: number;
  createdAt: string;
};

// ——— Comment threads, one per proposal document version ———
export const MAX_COMMENT_LENGTH = MAX_NOTE_LENGTH;
export const CreateCommentSchema = z.object({ body: plainText().trim().min(1, 'komentar kosong / empty comment').max(MAX_COMMENT_LENGTH) }).strict();
export type CreateCommentInput = z.input<typeof CreateCommentSchema>;

export type CommentAuthorKind = 'admin' | 'tkksd' | 'opd' | 'pimpinan' | 'initiator';

export type ProposalCommentView = {
  id: string;
  documentId: string;
  body: string;
  // Staff read the author's name; the outside initiator reads only who spoke (division, TKKSD…).
  authorKind: CommentAuthorKind;
  authorName: string | null;
  createdAt: string;
};

export type ProposalCommentListResponse = { items: ProposalCommentView[] };

// ——— Discussion meetings (rapat pembahasan) ———
export const MAX_MEETING_ATTENDEES = 100;
export const MAX_MEETING_ITEMS = 50;

const localDay = plainText().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal YYYY-MM-DD / date YYYY-MM-DD');

export const MeetingAttendeeSchema = z.object({
  name: plainText().trim().min(2).max(MAX_NAME_LENGTH),
  role: plainText().trim().max(MAX_NAME_LENGTH).nullable().optional(),
  userId: z.uuid().nullable().optional(),
});
export type MeetingAttendee = z.output<typeof MeetingAttendeeSchema>;

export const MeetingFollowUpSchema = z.object({
  text: plainText().trim().min(3).max(MAX_NOTE_LENGTH),
  owner: plainText().trim().min(2).max(MAX_NAME_LENGTH),
  dueDate: localDay.nullable().optional(),
  done: z.boolean().default(false),
});
export type MeetingFollowUp = z.output<typeof MeetingFollowUpSchema>;

const meetingFields = z.object({
  heldAt: z.iso.datetime({ offset: true }),
  place: plainText().trim().min(2).max(MAX_NAME_LENGTH).nullable().optional(),
  link: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  attendees: z.array(MeetingAttendeeSchema).min(1, 'paling sedikit satu peserta / at least one attendee').max(MAX_MEETING_ATTENDEES),
  minutes: plainText().trim().max(20_000).nullable().optional(),
  decisions: z.array(plainText().trim().min(2).max(MAX_NOTE_LENGTH)).max(MAX_MEETING_ITEMS),
  followUps: z.array(MeetingFollowUpSchema).max(MAX_MEETING_ITEMS),
});

const placeOrLink = (value: { place?: string | null; link?: string | null }, context: z.RefinementCtx) => {
  if (!value.place && !value.link) context.addIssue({ code: 'custom', path: ['place'], message: 'tempat atau tautan rapat wajib diisi / a place or a link is required' });
};

export const CreateMeetingSchema = meetingFields
  .extend({ decisions: meetingFields.shape.decisions.default([]), followUps: meetingFields.shape.followUps.default([]) })
  .strict()
  .superRefine(placeOrLink);
export type CreateMeetingInput = z.input<typeof CreateMeetingSchema>;

// Without defaults: a field left out of an edit stays as it was.
export const UpdateMeetingSchema = meetingFields.partial().extend({ version: versionSchema }).strict();
export type UpdateMeetingInput = z.input<typeof UpdateMeetingSchema>;

export type MeetingView = {
  id: string;
  proposalId: string;
  heldAt: string;
  place: string | null;
  link: string | null;
  attendees: MeetingAttendee[];
  minutes: string | null;
  decisions: string[];
  followUps: MeetingFollowUp[];
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

// canRecord: whether this reader may record and edit meetings of the proposal now.
export type MeetingListResponse = { items: MeetingView[]; canRecord: boolean };
