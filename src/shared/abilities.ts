import { z } from 'zod';

// What the signed-in user may do across the app, computed by the server's policies and sent with
// the session (GET /api/auth/me, POST /api/auth/login). The web shows menus, screens and buttons
// from these names and never compares role strings; the server still checks every request.
export const ABILITIES = [
  'agreements.create',
  'agreements.edit',
  'registry.import',
  'registry.intake',
  'partners.merge',
  'proposals.create',
  'proposals.chooseUnit',
  'proposals.filterByUnit',
  'proposals.reviewAssignedOnly',
  'dissemination.prepare',
  'dissemination.track',
  'dissemination.recordEvents',
  'plans.inbox',
  'plans.gap',
  'plans.all',
  'realisation.reports',
  'realisation.write',
  'evaluation.manage',
  'obligations.write',
  'reports.statutory',
  'impactStudy.read',
  'leadership.dashboard',
  'leadership.landing',
  'admin.users',
  'admin.master',
  'admin.procedures',
  'admin.draftTemplates',
  'admin.settings',
] as const;
export type Ability = (typeof ABILITIES)[number];
export type Abilities = Record<Ability, boolean>;

export const AbilitiesSchema = z.object(Object.fromEntries(ABILITIES.map((name) => [name, z.boolean()])) as Record<Ability, z.ZodBoolean>);

// Per-object abilities: what this reader may do with the one object a view shows.
export type AgreementAbilities = { canEdit: boolean; canEnd: boolean; canUploadDocuments: boolean; canDeleteDocuments: boolean };

export type ProposalAbilities = {
  // Change the preparation fields now (PATCH /proposals/:id).
  canEdit: boolean;
  canUploadDocuments: boolean;
  canDownloadDrafts: boolean;
  // Set the review's tiers and replace reviewers (whether the review allows it now is its own state).
  canManageReview: boolean;
  canManageSigning: boolean;
  canManageTrackingLink: boolean;
};

// canPublish: the admin's 'Terbitkan' (which only requests publication while the four-eyes setting
// is on: needsApproval); canApprove: a second person answers a pending request.
export type PackageAbilities = { canEdit: boolean; canSubmit: boolean; canPublish: boolean; needsApproval: boolean; canApprove: boolean; canAcknowledge: boolean };
