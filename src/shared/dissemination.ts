import { z } from 'zod';
import type { PackageAbilities } from './abilities';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits';
import { isoDate, plainText, versionSchema } from './input';


const text = (max = MAX_TEXT_LENGTH) => plainText().trim().max(max).nullable().optional();

export const PACKAGE_STATES = ['draft', 'review', 'published'] as const;
export type PackageState = (typeof PACKAGE_STATES)[number];

export const OPPORTUNITY_TYPES = ['beasiswa', 'pembiayaan', 'pelatihan', 'layanan', 'lainnya'] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

// A deadline is what makes a scholarship or a financing offer actionable for a citizen.
export const DEADLINE_REQUIRED: readonly OpportunityType[] = ['beasiswa', 'pembiayaan'];

export const TaskInputSchema = z.object({
  // Kept when the package is saved again, so an edit after publication tells a kept task from a new one.
  id: z.uuid().optional(),
  unitId: z.uuid(),
  commitment: plainText().trim().min(3).max(2000),
  dueOn: isoDate.nullable().optional(),
});
export type TaskInput = z.infer<typeof TaskInputSchema>;

export const OpportunityInputSchema = z.object({
  // Kept when the package is saved again, so portal click counts follow the same offer.
  id: z.uuid().optional(),
  type: z.enum(OPPORTUNITY_TYPES),
  title: plainText().trim().min(3).max(MAX_TITLE_LENGTH),
  description: text(),
  sectorCodes: z.array(plainText().min(1).max(50)).max(14).default([]),
  deadline: isoDate.nullable().optional(),
  howToApply: text(),
  applyUrl: z.url({ protocol: /^https?$/ }).max(1000).nullable().optional(),
  quota: z.number().int().min(0).max(1_000_000).nullable().optional(),
  eligibility: text(),
  scheme: text(2000),
  whoMayApply: text(2000),
  limits: text(2000),
  contact: text(1000),
});
export type OpportunityInput = z.infer<typeof OpportunityInputSchema>;

export const SavePackageSchema = z.object({
  summaryWhat: text(),
  summaryWithWhom: text(),
  summaryUntil: text(1000),
  summaryWhy: text(),
  tasks: z.array(TaskInputSchema).max(100).default([]),
  opportunities: z.array(OpportunityInputSchema).max(100).default([]),
  publicDocumentIds: z.array(z.uuid()).max(100).default([]),
  // Absent when the package is created; the version seen otherwise.
  version: versionSchema.optional(),
});
export type SavePackageInput = z.infer<typeof SavePackageSchema>;

// 'approve' and 'sendBack' answer a publication request made while the four-eyes setting is on.
export const PACKAGE_ACTIONS = ['submit', 'return', 'publish', 'approve', 'sendBack'] as const;
export type PackageAction = (typeof PACKAGE_ACTIONS)[number];
export const MAX_SEND_BACK_NOTE_LENGTH = 2000;
export const PackageActionSchema = z.object({
  action: z.enum(PACKAGE_ACTIONS),
  version: versionSchema,
  // Why a publication request is sent back; required for 'sendBack' (checked by the service, naming the field).
  note: plainText().trim().max(MAX_SEND_BACK_NOTE_LENGTH).optional(),
});
export type PackageActionInput = z.infer<typeof PackageActionSchema>;

// A publication waiting for a second person, and the note of the last one sent back.
export type PublicationRequestView = { requestedByName: string; requestedAt: string };
export type SentBackView = { note: string; byName: string; at: string };

export type TaskView = { id: string; unitId: string; unitName: string; commitment: string; dueOn: string | null };
export type OpportunityView = {
  id: string;
  type: OpportunityType;
  title: string;
  description: string | null;
  sectorCodes: string[];
  deadline: string | null;
  howToApply: string | null;
  applyUrl: string | null;
  quota: number | null;
  eligibility: string | null;
  scheme: string | null;
  whoMayApply: string | null;
  limits: string | null;
  contact: string | null;
  applyClicks: number;
};

export type RecipientView = {
  unitId: string;
  unitName: string;
  sentAt: string;
  firstOpenedAt: string | null;
  firstOpenedByName: string | null;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  planned: boolean;
};

export type PackageView = {
  id: string;
  agreementId: string;
  agreementTitle: string;
  status: PackageState;
  summaryWhat: string | null;
  summaryWithWhom: string | null;
  summaryUntil: string | null;
  summaryWhy: string | null;
  tasks: TaskView[];
  opportunities: OpportunityView[];
  publicDocumentIds: string[];
  submittedAt: string | null;
  publicationRequest: PublicationRequestView | null;
  sentBack: SentBackView | null;
  // Who would be told at publication: the OPDs with a task, and whether the portal shows the package.
  notifiesUnitNames: string[];
  showsOnPortal: boolean;
  approvedByName: string | null;
  publishedAt: string | null;
  recipients: RecipientView[];
  // Uptake on the public portal: visits of the agreement's public page, all days together (counts only).
  portalVisits: number;
  version: number;
  // What the reader may do with it now, from the server's policies.
  abilities: PackageAbilities;
};

// The division's tracking table: one row per agreement with a package.
export type TrackingRow = {
  agreementId: string;
  agreementTitle: string;
  status: PackageState;
  publishedAt: string | null;
  recipients: RecipientView[];
};

export const EventInputSchema = z.object({
  heldOn: isoDate,
  place: plainText().trim().min(2).max(500),
  audience: text(1000),
  attendees: z.number().int().min(0).max(1_000_000).nullable().optional(),
  minutes: text(),
});
export type EventInput = z.infer<typeof EventInputSchema>;

export type EventPhotoView = { id: string; fileName: string; mimeType: string; sizeBytes: number };
export type EventView = EventInput & { id: string; agreementId: string; photos: EventPhotoView[]; createdAt: string };

// Photos of a sosialisasi: small enough for a phone upload on a slow line.
export const MAX_EVENT_PHOTO_BYTES = 5 * 1024 * 1024;

// What the public portal may show of a published package: no people, no internal notes.
export type PublicOpportunity = Omit<OpportunityView, 'applyClicks'> & {
  agreementId: string;
  agreementTitle: string;
  slug: string;
  isOpen: boolean;
};
export type PublicPackage = {
  agreementId: string;
  agreementTitle: string;
  slug: string;
  publishedAt: string;
  summaryWhat: string | null;
  summaryWithWhom: string | null;
  summaryUntil: string | null;
  summaryWhy: string | null;
  tasks: { unitName: string; commitment: string; dueOn: string | null }[];
  opportunities: PublicOpportunity[];
  publicDocuments: { id: string; fileName: string; kind: string }[];
};
export const PublicOpportunityFiltersSchema = z.object({
  type: z.enum(OPPORTUNITY_TYPES).optional(),
  sector: plainText().min(1).max(50).optional(),
  open: z.enum(['open', 'closed']).optional(),
});
export type PublicOpportunityFilters = z.infer<typeof PublicOpportunityFiltersSchema>;
