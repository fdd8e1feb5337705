import { z } from 'zod';
import type { ProposalAbilities } from './abilities';
import { COOPERATION_KINDS, type CooperationKind } from './agreement-codes';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, PAGE_SIZE_MAX } from './limits';
import { INITIATOR_TYPES, PROCEDURE_DOC_TYPES, type InitiatorType, type ProcedureDocType } from './procedures';
import { plainText, versionSchema } from './input';

// A proposal (usulan kerja sama) moves through the procedure of its kind, one stage at a time.
// draf: prepared but not yet in the division's queue (an OPD's draft, or a public form awaiting e-mail confirmation).
export const PROPOSAL_STATES = ['draf', 'aktif', 'dikembalikan', 'ditolak', 'dibatalkan', 'terdaftar'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

// A closed proposal accepts no further action.
export const CLOSED_PROPOSAL_STATES: readonly ProposalState[] = ['ditolak', 'dibatalkan', 'terdaftar'];

// submit: into the queue · validate: close the registration stage · advance: close a middle stage ·
// send_back: return with comments · resume: continue where it was · reject · withdraw ·
// register: close the last stage, the agreement is in the register.
export const PROPOSAL_ACTIONS = ['submit', 'validate', 'advance', 'send_back', 'resume', 'reject', 'withdraw', 'register'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

export const PROPOSAL_REFUSALS = ['closed', 'not_submitted', 'already_submitted', 'sent_back', 'not_sent_back', 'wrong_stage', 'unknown_stage', 'missing_documents'] as const;
export type ProposalRefusalCode = (typeof PROPOSAL_REFUSALS)[number];


export const MAX_PLANNED_PARTNERS = 10;
export const MAX_PROPOSAL_SECTORS = 13;
export const MAX_TERM_MONTHS = 600;
export const MAX_NOTE_LENGTH = 4000;

const requiredText = plainText().trim().min(10, 'minimal 10 karakter / at least 10 characters').max(MAX_TEXT_LENGTH);
const optionalText = plainText().trim().max(MAX_TEXT_LENGTH).nullable().optional();
const code = plainText().trim().min(1).max(50);

export const PlannedPartnerSchema = z.object({ name: plainText().trim().min(2).max(MAX_NAME_LENGTH), categoryCode: code });
export type PlannedPartner = z.infer<typeof PlannedPartnerSchema>;

// The preparation fields used in practice (domain.md): what the TKKSD reads before it discusses.
const proposalFieldsBase = z.object({
  kind: z.enum(COOPERATION_KINDS),
  title: plainText().trim().min(5).max(MAX_TITLE_LENGTH),
  plannedPartners: z.array(PlannedPartnerSchema).min(1, 'paling sedikit satu calon mitra / at least one planned partner').max(MAX_PLANNED_PARTNERS),
  sectorCodes: z
    .array(code)
    .min(1, 'paling sedikit satu bidang / at least one sector')
    .max(MAX_PROPOSAL_SECTORS)
    .refine((codes) => new Set(codes).size === codes.length, 'bidang ganda / duplicate sector'),
  latarBelakang: requiredText,
  maksudTujuan: requiredText,
  lokasi: optionalText,
  ruangLingkup: requiredText,
  peranParaPihak: optionalText,
  jangkaWaktuBulan: z.number().int().min(1).max(MAX_TERM_MONTHS).nullable().optional(),
  jangkaWaktuAlasan: optionalText,
  manfaat: requiredText,
  dampakSosial: optionalText,
  dampakEkonomi: optionalText,
  dampakLingkungan: optionalText,
  pembiayaan: optionalText,
  // PP 28/2018 Ps 6(2): either one makes DPRD approval part of the procedure.
  burdensPublic: z.boolean(),
  unbudgetedInApbd: z.boolean(),
});

export const ProposalFieldsSchema = proposalFieldsBase.extend({
  burdensPublic: proposalFieldsBase.shape.burdensPublic.default(false),
  unbudgetedInApbd: proposalFieldsBase.shape.unbudgetedInApbd.default(false),
});
export type ProposalFields = z.output<typeof ProposalFieldsSchema>;

export const ExternalInitiatorSchema = z.object({
  institution: plainText().trim().min(3).max(MAX_NAME_LENGTH),
  contactName: plainText().trim().min(3).max(MAX_NAME_LENGTH),
  email: z.email().max(254).transform((value) => value.toLowerCase()),
  phone: plainText().trim().regex(/^[0-9+()\-\s]{6,30}$/, 'nomor telepon tidak valid / invalid phone number').nullable().optional(),
});
export type ExternalInitiator = z.output<typeof ExternalInitiatorSchema>;

// Staff create: an OPD user for its own OPD; an admin for any OPD, or on behalf of an outside initiator.
export const CreateProposalSchema = ProposalFieldsSchema.extend({
  initiatorType: z.enum(INITIATOR_TYPES).default('opd'),
  unitId: z.uuid().nullable().optional(),
  external: ExternalInitiatorSchema.nullable().optional(),
}).superRefine((value, context) => {
  if (value.initiatorType === 'external' && !value.external) {
    context.addIssue({ code: 'custom', path: ['external'], message: 'data pemrakarsa luar wajib diisi / the outside initiator is required' });
  }
});
export type CreateProposalInput = z.input<typeof CreateProposalSchema>;

export const UpdateProposalSchema = proposalFieldsBase.partial().extend({ version: versionSchema }).strict();
export type UpdateProposalInput = z.input<typeof UpdateProposalSchema>;

// A note is the reason or the request the initiator reads; sending back and rejecting need one.
export const TransitionProposalSchema = z
  .object({
    action: z.enum(PROPOSAL_ACTIONS),
    note: plainText().trim().max(MAX_NOTE_LENGTH).nullable().optional(),
    version: versionSchema,
  })
  .superRefine((value, context) => {
    if ((value.action === 'send_back' || value.action === 'reject') && (value.note ?? '').length < 5) {
      context.addIssue({ code: 'custom', path: ['note'], message: 'alasan atau permintaan wajib diisi / a reason or request is required' });
    }
  });
export type TransitionProposalInput = z.input<typeof TransitionProposalSchema>;

export const ProposalListQuerySchema = z.object({
  q: plainText().trim().max(MAX_NAME_LENGTH).optional(),
  state: z.enum(PROPOSAL_STATES).optional(),
  kind: z.enum(COOPERATION_KINDS).optional(),
  stageCode: code.optional(),
  unitId: z.uuid().optional(),
  // Only the proposals whose TKKSD review the asking user is assigned to.
  assignedToMe: z.enum(['0', '1', 'true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(25),
});
export type ProposalListQuery = z.output<typeof ProposalListQuerySchema>;

// Multipart text fields of a document upload.
export const ProposalDocumentFieldsSchema = z.object({
  docType: z.enum(PROCEDURE_DOC_TYPES),
  note: plainText().trim().max(MAX_NOTE_LENGTH).optional(),
});

export type ProposalStageView = {
  code: string;
  name: string;
  position: number;
  targetDays: number;
  isDprdApproval: boolean;
  status: 'selesai' | 'berjalan' | 'menunggu' | 'dilewati';
  requiredDocTypes: ProcedureDocType[];
};

export type ProposalDocumentView = {
  id: string;
  docType: ProcedureDocType;
  versionNo: number;
  isLatest: boolean;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  pageCount: number | null;
  needsOcr: boolean;
  // Kinds of active content (JavaScript, Launch, EmbeddedFile, …) found at upload; empty = none.
  activeContent: string[];
  note: string | null;
  uploadedVia: 'staff' | 'tracking_link';
  createdAt: string;
};

export type ProposalEventView = {
  id: number;
  at: string;
  action: string;
  fromStage: string | null;
  toStage: string | null;
  fromState: ProposalState | null;
  toState: ProposalState | null;
  note: string | null;
  actorLabel: string;
};

export type ProposalSummary = {
  id: string;
  trackingCode: string;
  kind: CooperationKind;
  title: string;
  initiatorType: InitiatorType;
  unit: { id: string; name: string } | null;
  externalInstitution: string | null;
  stageCode: string;
  stageName: string | null;
  state: ProposalState;
  stageEnteredAt: string;
  submittedAt: string | null;
  updatedAt: string;
};

export type ProposalView = ProposalSummary &
  ProposalFields & {
    external: ExternalInitiator | null;
    needsDprd: boolean;
    closedAt: string | null;
    emailConfirmedAt: string | null;
    stages: ProposalStageView[];
    missingDocTypes: ProcedureDocType[];
    allowedActions: ProposalAction[];
    // What this reader may do with it now, from the server's policies (the web shows buttons from these).
    abilities: ProposalAbilities;
    documents: ProposalDocumentView[];
    timeline: ProposalEventView[];
    // The agreements its signings put in the registry (KB, then PKS; or NK), oldest first.
    registeredAgreements: { id: string; docType: string; signingId: string }[];
    version: number;
    createdAt: string;
  };

export type ProposalListResponse = { items: ProposalSummary[]; total: number; page: number; pageSize: number };

// ——— The public form and the initiator's private link ———
export const PUBLIC_MAX_UPLOAD_MB = 10;
export const PUBLIC_FORM_MAX_BYTES = 256 * 1024;

export const PublicProposalSchema = ProposalFieldsSchema.extend({
  initiator: ExternalInitiatorSchema,
  // Made by the form when it opens: the same form sent twice is one proposal.
  idempotencyKey: z.uuid(),
  // A field people never see; a robot fills it in. Unbounded here so that no answer names it.
  website: plainText().optional(),
});
export type PublicProposalInput = z.input<typeof PublicProposalSchema>;

export const ConfirmProposalSchema = z.object({ token: plainText().trim().min(20).max(200) });
export const TrackingTokenParamSchema = z.object({ token: plainText().min(20).max(200) });

export type PublicProposalAccepted = {
  trackingCode: string;
  state: 'menunggu_konfirmasi' | 'terkonfirmasi';
  // The same sender sent this proposal before: no new one was made (the answer names the first).
  isResubmission: boolean;
  message: string;
  messageEn: string;
};

export type ConfirmProposalResponse = { trackingCode: string; trackingToken: string; trackingExpiresAt: string };

export type TrackingView = {
  trackingCode: string;
  title: string;
  kind: CooperationKind;
  institution: string | null;
  state: ProposalState;
  stageCode: string;
  stageName: string | null;
  stages: ProposalStageView[];
  missingDocTypes: ProcedureDocType[];
  // What the division asked for when sending it back, newest last.
  requests: { at: string; stageCode: string | null; note: string }[];
  // id: addresses the version's comment thread through the same private link.
  documents: Pick<ProposalDocumentView, 'id' | 'docType' | 'versionNo' | 'isLatest' | 'fileName' | 'createdAt'>[];
  timeline: { at: string; action: string; toStage: string | null; toState: ProposalState | null; note: string | null }[];
  linkExpiresAt: string;
};
