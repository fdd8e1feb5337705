import { z } from 'zod';
import { COOPERATION_KINDS, type CooperationKind } from './agreement-codes';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from './limits';
import { plainText, versionSchema } from './input';

// The document types a proposal carries through the procedure (Permendagri 22/2020, practice).
export const PROCEDURE_DOC_TYPES = [
  'kak',
  'studi_kelayakan',
  'surat_inisiasi',
  'sk_ppksd',
  'surat_penawaran',
  'surat_tanggapan',
  'rancangan_kb',
  'kb',
  'rancangan_pks',
  'pks',
  'nk',
  'rencana_kerja',
  'persetujuan_dprd',
  'berita_acara',
] as const;
export type ProcedureDocType = (typeof PROCEDURE_DOC_TYPES)[number];

export const PROCEDURE_DOC_TYPE_LABELS: Record<ProcedureDocType, { id: string; en: string }> = {
  kak: { id: 'Kerangka Acuan Kerja (KAK)', en: 'Terms of reference' },
  studi_kelayakan: { id: 'Studi kelayakan', en: 'Feasibility study' },
  surat_inisiasi: { id: 'Surat inisiasi kepada Sekda/Ketua TKKSD', en: 'Initiation letter to the Regional Secretary' },
  sk_ppksd: { id: 'SK Pejabat Penghubung (PPKSD)', en: 'Decree appointing the liaison officer' },
  surat_penawaran: { id: 'Surat penawaran', en: 'Letter of offer' },
  surat_tanggapan: { id: 'Surat tanggapan', en: 'Letter of reply' },
  rancangan_kb: { id: 'Rancangan Kesepakatan Bersama', en: 'Draft general agreement (KB)' },
  kb: { id: 'Kesepakatan Bersama (ditandatangani)', en: 'Signed general agreement (KB)' },
  rancangan_pks: { id: 'Rancangan Perjanjian Kerja Sama', en: 'Draft implementing agreement (PKS)' },
  pks: { id: 'Perjanjian Kerja Sama (ditandatangani)', en: 'Signed implementing agreement (PKS)' },
  nk: { id: 'Nota Kesepakatan', en: 'Memorandum of agreement (NK)' },
  rencana_kerja: { id: 'Rencana Kerja', en: 'Work plan' },
  persetujuan_dprd: { id: 'Persetujuan DPRD', en: 'Regional parliament approval' },
  berita_acara: { id: 'Berita acara', en: 'Minutes' },
};

export const INITIATOR_TYPES = ['opd', 'external'] as const;
export type InitiatorType = (typeof INITIATOR_TYPES)[number];

export const MAX_STAGES = 20;
export const MAX_TARGET_DAYS = 365;

const stageCode = plainText()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,49}$/, 'kode tahap: huruf kecil, angka dan garis bawah / stage code: lower-case letters, digits, underscores');

const docTypeList = z
  .array(z.enum(PROCEDURE_DOC_TYPES))
  .max(PROCEDURE_DOC_TYPES.length)
  .refine((types) => new Set(types).size === types.length, 'jenis dokumen ganda / duplicate document type');

export const ProcedureStageSchema = z.object({
  code: stageCode,
  name: plainText().trim().min(3).max(MAX_NAME_LENGTH),
  description: plainText().trim().max(MAX_TEXT_LENGTH).nullable().optional(),
  // Initiated by an OPD or by an outside party, the same stage asks for different papers (domain.md).
  requiredDocTypes: z.object({ opd: docTypeList, external: docTypeList }),
  targetDays: z.number().int().min(0).max(MAX_TARGET_DAYS),
  // PP 28/2018 Ps 6(2): a stage so marked applies only when the cooperation needs DPRD approval.
  isDprdApproval: z.boolean(),
});
export type ProcedureStage = z.output<typeof ProcedureStageSchema>;

// Stages the code finds by their code, so their code may not be renamed or removed (names may change):
// the TKKSD review closes `pembahasan_tkksd` (TKKSD_STAGE_CODE, decision 0008), drafting and signing
// look up their stages (SIGNING_STAGES, proposals/signing/signing.rules). Sinergi signs an NK instead of a KB
// and a PKS. Written out rather than imported (shared/proposal-reviews reaches this file through
// shared/proposals); the procedures route test holds the two lists together.
export const SYSTEM_STAGE_USES = ['tkksd_review', 'signing'] as const;
export type SystemStageUse = (typeof SYSTEM_STAGE_USES)[number];

const KB_PKS_SIGNING_CODES = ['penyusunan_kb', 'penandatanganan_kb', 'penyusunan_pks', 'penandatanganan_pks'] as const;
const NK_SIGNING_CODES = ['penyusunan_nk', 'penandatanganan_nk'] as const;

export function systemStageCodes(kind: CooperationKind): ReadonlyMap<string, SystemStageUse> {
  const signing = kind === 'SINERGI' ? NK_SIGNING_CODES : KB_PKS_SIGNING_CODES;
  return new Map<string, SystemStageUse>([['pembahasan_tkksd', 'tkksd_review'], ...signing.map((code) => [code, 'signing'] as const)]);
}

// What the system uses a stage of this kind for; null when its code is the division's to change.
export function systemStageUse(kind: CooperationKind, code: string): SystemStageUse | null {
  return systemStageCodes(kind).get(code) ?? null;
}

type StageIssue = { path: (string | number)[]; message: string };

// The first stage opens every proposal and the last one registers it, so neither may be skipped.
export function checkStages(stages: ProcedureStage[]): StageIssue[] {
  const issues: StageIssue[] = [];
  const seen = new Set<string>();
  stages.forEach((stage, index) => {
    if (seen.has(stage.code)) issues.push({ path: ['stages', index, 'code'], message: `kode tahap "${stage.code}" ganda / duplicate stage code` });
    seen.add(stage.code);
  });
  const last = stages.length - 1;
  if (stages[0]?.isDprdApproval) issues.push({ path: ['stages', 0, 'isDprdApproval'], message: 'tahap pertama tidak boleh bersyarat / the first stage cannot be conditional' });
  if (last > 0 && stages[last]?.isDprdApproval) {
    issues.push({ path: ['stages', last, 'isDprdApproval'], message: 'tahap terakhir tidak boleh bersyarat / the last stage cannot be conditional' });
  }
  return issues;
}

export const UpdateProcedureSchema = z
  .object({
    name: plainText().trim().min(3).max(MAX_NAME_LENGTH),
    description: plainText().trim().max(MAX_TEXT_LENGTH).nullable().optional(),
    stages: z.array(ProcedureStageSchema).min(2).max(MAX_STAGES),
    version: versionSchema,
  })
  .strict()
  .superRefine((value, context) => {
    for (const issue of checkStages(value.stages)) context.addIssue({ code: 'custom', ...issue });
  });
export type UpdateProcedureInput = z.input<typeof UpdateProcedureSchema>;

export const ProcedureKindParamSchema = z.object({ kind: z.enum(COOPERATION_KINDS) });

export type ProcedureView = {
  kind: CooperationKind;
  name: string;
  description: string | null;
  stages: ProcedureStage[];
  version: number;
  updatedAt: string;
};

// The public guide ("alur dan tata cara"): the same data, with document names spelled out.
export type ProcedureGuideStage = {
  position: number;
  code: string;
  name: string;
  description: string | null;
  targetDays: number;
  isDprdApproval: boolean;
  documents: { opd: { type: ProcedureDocType; name: string }[]; external: { type: ProcedureDocType; name: string }[] };
};
export type ProcedureGuide = { kind: CooperationKind; name: string; description: string | null; totalTargetDays: number; stages: ProcedureGuideStage[] };
export type ProcedureGuideResponse = { procedures: ProcedureGuide[]; documentTypes: { type: ProcedureDocType; name: string; nameEn: string }[] };
