import { z } from 'zod';
import type { AgreementStatus, DocType } from './agreement-codes';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, PAGE_SIZE_MAX } from './limits';
import { plainText, versionSchema } from './input';

const categoryCode = plainText().trim().min(1).max(50);

export const CreatePartnerSchema = z.object({
  name: plainText().trim().min(2).max(MAX_NAME_LENGTH),
  categoryCode,
  address: plainText().trim().max(MAX_TEXT_LENGTH).nullable().optional(),
});
export type CreatePartnerInput = z.infer<typeof CreatePartnerSchema>;

export const UpdatePartnerSchema = CreatePartnerSchema.partial().extend({ version: versionSchema });
export type UpdatePartnerInput = z.infer<typeof UpdatePartnerSchema>;

export const PartnerListQuerySchema = z.object({
  q: plainText().trim().max(MAX_NAME_LENGTH).optional(),
  category: categoryCode.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(25),
});
export type PartnerListQuery = z.infer<typeof PartnerListQuerySchema>;

export const MergePartnersSchema = z
  .object({ sourceId: z.uuid(), targetId: z.uuid() })
  .refine((value) => value.sourceId !== value.targetId, {
    path: ['targetId'],
    error: 'mitra sumber dan tujuan harus berbeda / source and target must differ',
  });
export type MergePartnersInput = z.infer<typeof MergePartnersSchema>;

// "Bukan duplikat": the pair, in either order, is never offered again.
export const DismissPartnerDuplicateSchema = z
  .object({ aId: z.uuid(), bId: z.uuid() })
  .refine((value) => value.aId !== value.bId, { path: ['bId'], error: 'kedua mitra harus berbeda / the two partners must differ' });
export type DismissPartnerDuplicateInput = z.infer<typeof DismissPartnerDuplicateSchema>;

export type PartnerView = {
  id: string;
  name: string;
  nameKey: string;
  categoryCode: string;
  groupCode: string;
  address: string | null;
  agreementCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type PartnerAgreementView = {
  id: string;
  title: string;
  docType: DocType;
  numberOurs: string | null;
  signedOn: string | null;
  status: AgreementStatus;
  // 0 when this partner is the agreement's primary partner.
  position: number;
};

export type PartnerDetailView = PartnerView & { agreements: PartnerAgreementView[] };

export type PartnerListView = { items: PartnerView[]; total: number; page: number; pageSize: number };

// similarity: 0–1, how alike the names are once acronyms and legal forms are written out; isStrong when
// the names are as good as the same (a merge is then the expected action, not a question).
export type PartnerDuplicateView = { a: PartnerView; b: PartnerView; similarity: number; isStrong: boolean };

export type MergePartnersResult = { target: PartnerView; movedAgreementIds: string[] };
