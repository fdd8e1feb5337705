import { z } from 'zod';
import { plainText } from './input';
import type { Answer, EvaluationDimension, EvaluationStatus, ScaleStep } from './evaluation';

// The partner's private link to one evaluation (issue: "the partner through a private link without
// an account (sent by e-mail, expiring, for that one evaluation, rate-limited, revocable)").
export const PARTNER_LINK_DEFAULT_DAYS = 30;
// Half a year: a monitoring period is a semester, so no link needs to outlive the next one.
export const PARTNER_LINK_MAX_DAYS = 180;

export const CreatePartnerLinkSchema = z.object({
  // Without one, the link goes to the address the previous link of this evaluation went to.
  email: plainText().trim().toLowerCase().pipe(z.email().max(254)).optional(),
  validDays: z.number().int().min(1).max(PARTNER_LINK_MAX_DAYS).optional(),
});
export type CreatePartnerLinkInput = z.infer<typeof CreatePartnerLinkSchema>;

export const PartnerLinkTokenParamSchema = z.object({ token: plainText().min(20).max(200) });

export const PARTNER_LINK_STATES = ['active', 'expired', 'revoked'] as const;
export type PartnerLinkState = (typeof PARTNER_LINK_STATES)[number];

// What the division sees of the link: never the token, which only the partner's mail holds.
export type PartnerLinkView = {
  state: PartnerLinkState;
  sentTo: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  answeredAt: string | null;
};

export type PartnerLinkAnswer = { link: PartnerLinkView | null };

// One question as the partner reads it: both languages and the meaning of each step 0…4.
export type PartnerQuestion = { code: string; dimension: EvaluationDimension; question: string; questionEn: string; scale: ScaleStep[] };

// Only what the partner needs to answer: no scores of others, no internal notes.
export type PartnerEvaluationView = {
  agreementTitle: string;
  agreementNumber: string | null;
  agreementNumberPartner: string | null;
  partnerNames: string[];
  period: string;
  status: EvaluationStatus;
  linkExpiresAt: string;
  questions: PartnerQuestion[];
  // The partner's earlier answers, which a new answer replaces while the evaluation is open.
  answers: Answer[];
  answeredAt: string | null;
};
