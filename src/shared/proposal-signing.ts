import { z } from 'zod';
import { KSDD_MODES, type DocType } from './agreement-codes';
import { MAX_NAME_LENGTH, MAX_NUMBER_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits';
import { isoDate, plainText, versionSchema } from './input';

// ——— Drafts (issue 3 §6) ———
// The three documents the procedure signs: a Kesepakatan Bersama, a Perjanjian Kerja Sama, or a
// Nota Kesepakatan (sinergi with central government, instead of KB and PKS).
export const DRAFT_TYPES = ['kb', 'pks', 'nk'] as const;
export type DraftType = (typeof DRAFT_TYPES)[number];

export const DRAFT_TYPE_DOC: Record<DraftType, DocType> = { kb: 'KB', pks: 'PKS', nk: 'NK' };
export const DRAFT_TYPE_LABELS: Record<DraftType, { id: string; en: string }> = {
  kb: { id: 'Kesepakatan Bersama', en: 'General agreement (KB)' },
  pks: { id: 'Perjanjian Kerja Sama', en: 'Implementing agreement (PKS)' },
  nk: { id: 'Nota Kesepakatan', en: 'Memorandum of agreement (NK)' },
};

// What a template may quote from the proposal, written {{name}} in a heading or a body.
export const DRAFT_PLACEHOLDERS = {
  judul: { id: 'Judul kerja sama', en: 'Title' },
  jenis_naskah: { id: 'Jenis naskah (KB/PKS/NK)', en: 'Document type' },
  pemda: { id: 'Pemerintah Kota Ternate', en: 'The city government' },
  mitra: { id: 'Calon mitra, dipisah koma', en: 'Planned partners, comma-separated' },
  opd: { id: 'OPD pemrakarsa', en: 'Initiating unit' },
  latar_belakang: { id: 'Latar belakang', en: 'Background' },
  maksud_tujuan: { id: 'Maksud dan tujuan', en: 'Purpose and objectives' },
  ruang_lingkup: { id: 'Ruang lingkup', en: 'Scope' },
  lokasi: { id: 'Lokasi', en: 'Location' },
  jangka_waktu: { id: 'Jangka waktu', en: 'Duration' },
  pembiayaan: { id: 'Pembiayaan', en: 'Financing' },
  peran_para_pihak: { id: 'Peran para pihak', en: 'Roles of the parties' },
  manfaat: { id: 'Manfaat', en: 'Benefits' },
  kode_usulan: { id: 'Kode usulan', en: 'Proposal tracking code' },
} as const;
export type DraftPlaceholder = keyof typeof DRAFT_PLACEHOLDERS;

const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

// Every {{name}} in the text that Jalin cannot fill, in order of appearance, each once.
export function unknownPlaceholders(text: string): string[] {
  const unknown: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1] ?? '';
    if (!(name in DRAFT_PLACEHOLDERS) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

export function fillPlaceholders(text: string, values: Record<DraftPlaceholder, string>): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => (name in values ? values[name as DraftPlaceholder] : whole));
}

// PP 28/2018 Ps 19(2): a PKS states at least these; each must be a section heading of a PKS template.
export const PKS_REQUIRED_SECTIONS = [
  { key: 'hak_kewajiban', phrase: 'hak dan kewajiban', id: 'Hak dan kewajiban para pihak', en: 'Rights and obligations of the parties' },
  { key: 'jangka_waktu', phrase: 'jangka waktu', id: 'Jangka waktu', en: 'Duration' },
  { key: 'perselisihan', phrase: 'penyelesaian perselisihan', id: 'Penyelesaian perselisihan', en: 'Dispute settlement' },
  { key: 'sanksi', phrase: 'sanksi', id: 'Sanksi', en: 'Sanctions' },
] as const;

export function missingPksSections(headings: string[]): (typeof PKS_REQUIRED_SECTIONS)[number][] {
  const lower = headings.map((heading) => heading.toLowerCase());
  return PKS_REQUIRED_SECTIONS.filter((section) => !lower.some((heading) => heading.includes(section.phrase)));
}

export const MAX_TEMPLATE_SECTIONS = 40;

export const DraftTemplateSectionSchema = z.object({
  heading: plainText().trim().min(1).max(MAX_NAME_LENGTH),
  body: plainText().trim().max(MAX_TEXT_LENGTH),
});
export type DraftTemplateSection = z.infer<typeof DraftTemplateSectionSchema>;

export const UpdateDraftTemplateSchema = z
  .object({
    title: plainText().trim().min(3).max(MAX_TITLE_LENGTH),
    sections: z.array(DraftTemplateSectionSchema).min(1).max(MAX_TEMPLATE_SECTIONS),
    version: versionSchema,
  })
  .strict();
export type UpdateDraftTemplateInput = z.input<typeof UpdateDraftTemplateSchema>;

export const DraftTypeParamSchema = z.object({ type: z.enum(DRAFT_TYPES) });

export type DraftTemplateView = {
  type: DraftType;
  title: string;
  sections: DraftTemplateSection[];
  placeholders: { name: DraftPlaceholder; label: string; labelEn: string }[];
  requiredSections: { heading: string; headingEn: string }[];
  version: number;
  updatedAt: string;
};

// ——— Signing (issue 3 §7) ———
export const SIGNING_MODES = ['desk_to_desk', 'seremonial', 'hibrida'] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];


export const CreateSigningSchema = z
  .object({
    docType: z.enum(DRAFT_TYPES),
    mode: z.enum(SIGNING_MODES),
    scheduledOn: isoDate,
    place: plainText().trim().min(3).max(MAX_NAME_LENGTH),
    note: plainText().trim().max(MAX_TEXT_LENGTH).nullable().optional(),
  })
  .strict();
export type CreateSigningInput = z.input<typeof CreateSigningSchema>;

// Rescheduling and the check after signing (paraf on every page, meterai, seal on every copy).
export const UpdateSigningSchema = z
  .object({
    mode: z.enum(SIGNING_MODES).optional(),
    scheduledOn: isoDate.optional(),
    place: plainText().trim().min(3).max(MAX_NAME_LENGTH).optional(),
    note: plainText().trim().max(MAX_TEXT_LENGTH).nullable().optional(),
    parafEveryPage: z.boolean().optional(),
    meterai: z.boolean().optional(),
    sealEveryCopy: z.boolean().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateSigningInput = z.input<typeof UpdateSigningSchema>;

const optionalNumber = plainText().trim().max(MAX_NUMBER_LENGTH).nullable().optional();

// What registration adds to the proposal's own data; everything else comes from the proposal.
export const RegisterSigningSchema = z
  .object({
    // Nomor pemda / nomor mitra: both parties number the signed document.
    numberOurs: optionalNumber,
    numberPartner: optionalNumber,
    // Defaults: start on the signing date, end after the proposal's jangka waktu.
    startsOn: isoDate.nullable().optional(),
    endsOn: isoDate.nullable().optional(),
    title: plainText().trim().min(5).max(MAX_TITLE_LENGTH).optional(),
    // Needed when the proposal came from outside and names no OPD.
    leadUnitId: z.uuid().optional(),
    supportingUnitIds: z.array(z.uuid()).max(50).optional(),
    // KSDD only: mandatory (bordering) or voluntary (PP 28/2018 Ps 4).
    ksddMode: z.enum(KSDD_MODES).optional(),
    valueIdr: plainText().regex(/^\d{1,18}$/, 'nilai rupiah: angka bulat / whole rupiah').nullable().optional(),
    longTermReason: plainText().trim().max(MAX_TEXT_LENGTH).nullable().optional(),
    isPublic: z.boolean().optional(),
    version: versionSchema,
  })
  .strict();
export type RegisterSigningInput = z.input<typeof RegisterSigningSchema>;

export type SigningView = {
  id: string;
  proposalId: string;
  docType: DraftType;
  mode: SigningMode;
  scheduledOn: string;
  place: string;
  note: string | null;
  check: { parafEveryPage: boolean; meterai: boolean; sealEveryCopy: boolean; complete: boolean; checkedAt: string | null };
  // The latest signed PDF of this type on the proposal, the one registration will copy.
  signedDocument: { id: string; fileName: string; versionNo: number; createdAt: string } | null;
  agreementId: string | null;
  registeredAt: string | null;
  // What still stands between this signing and the registry, in plain words.
  blockers: { code: 'check_incomplete' | 'signed_pdf_missing' | 'wrong_stage' | 'registered'; message: string; messageEn: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type RegisterSigningResponse = { signing: SigningView; agreementId: string; parentId: string | null; proposalState: string; proposalStageCode: string };

