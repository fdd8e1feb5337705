import { z } from 'zod';
import { MAX_NAME_LENGTH } from './limits';
import { plainText, versionSchema } from './input';

const code = plainText()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,49}$/, 'kode: huruf kecil, angka dan garis bawah / lower-case letters, digits, underscores');

export const UnitInputSchema = z.object({
  name: plainText().trim().min(3).max(MAX_NAME_LENGTH),
  shortName: plainText().trim().max(60).nullable().optional(),
  isActive: z.boolean().optional(),
});
export type UnitInput = z.infer<typeof UnitInputSchema>;
export const UnitUpdateSchema = UnitInputSchema.partial().extend({ version: versionSchema });

// Two OPD rows found to be one OPD: every reference moves to the target and the source is removed.
export const MergeUnitsSchema = z
  .object({ sourceId: z.uuid(), targetId: z.uuid() })
  .refine((value) => value.sourceId !== value.targetId, {
    path: ['targetId'],
    error: 'OPD sumber dan tujuan harus berbeda / source and target must differ',
  });
export type MergeUnitsInput = z.infer<typeof MergeUnitsSchema>;
// moved: rows moved per referencing table ("agreement_units": 3, "users": 1 …).
export type MergeUnitsResult = { targetId: string; moved: Record<string, number>; movedAgreementIds: string[] };

export const SectorInputSchema = z.object({
  code,
  name: plainText().trim().min(3).max(MAX_NAME_LENGTH),
  sortOrder: z.number().int().min(0).max(1000).optional(),
  isActive: z.boolean().optional(),
});
export const SectorUpdateSchema = SectorInputSchema.omit({ code: true }).partial().extend({ version: versionSchema });

export const PartnerGroupInputSchema = z.object({
  code,
  name: plainText().trim().min(3).max(MAX_NAME_LENGTH),
  sortOrder: z.number().int().min(0).max(1000).optional(),
});
export const PartnerGroupUpdateSchema = PartnerGroupInputSchema.omit({ code: true }).partial().extend({ version: versionSchema });

export const PartnerCategoryInputSchema = z.object({
  code,
  name: plainText().trim().min(3).max(MAX_NAME_LENGTH),
  groupCode: code,
  sortOrder: z.number().int().min(0).max(1000).optional(),
});
export const PartnerCategoryUpdateSchema = PartnerCategoryInputSchema.omit({ code: true }).partial().extend({ version: versionSchema });

export type Unit = { id: string; name: string; shortName: string | null; isActive: boolean; version: number };
export type Sector = { code: string; name: string; sortOrder: number; isActive: boolean; version: number };
export type PartnerGroup = { code: string; name: string; sortOrder: number; version: number };
export type PartnerCategory = { code: string; name: string; groupCode: string; sortOrder: number; version: number };
export type MasterData = { units: Unit[]; sectors: Sector[]; partnerGroups: PartnerGroup[]; partnerCategories: PartnerCategory[] };
