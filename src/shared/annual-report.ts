import { z } from 'zod';
import { isoDate, plainText, versionSchema } from './input';

// The statutory reports (issue 12 item 3): the Wali Kota's annual report on the implementation of
// cooperation to the Gubernur (Permendagri 25/2020 Ps 35, contents Ps 37(1)) and the semester
// monitoring report to the Wali Kota and Sekda (monev at least twice a year, Ps 39).

export const REPORT_KINDS = ['annual', 'semester'] as const;
export type StatutoryReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['draft', 'final', 'submitted'] as const;
export type StatutoryReportStatus = (typeof REPORT_STATUSES)[number];

// The background generation of a report's content.
export const REPORT_JOB_STATUSES = ['pending', 'ready', 'failed'] as const;
export type ReportJobStatus = (typeof REPORT_JOB_STATUSES)[number];

// Permendagri 25/2020 Ps 37(1): the contents of the report, one heading each, in this order.
export const SECTION_KEYS = ['title', 'background', 'purpose', 'scope', 'progress', 'beneficiaries', 'financing', 'obstacles', 'analysis'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_HEADINGS: Record<SectionKey, { id: string; en: string }> = {
  title: { id: 'Judul kerja sama', en: 'Title of the cooperation' },
  background: { id: 'Latar belakang', en: 'Background' },
  purpose: {
    id: 'Maksud, tujuan dan sasaran',
    en: 'Purpose, objectives and targets',
  },
  scope: { id: 'Ruang lingkup', en: 'Scope' },
  progress: { id: 'Kemajuan/hasil pelaksanaan', en: 'Progress and results' },
  beneficiaries: { id: 'Penerima manfaat', en: 'Beneficiaries' },
  financing: { id: 'Pembiayaan', en: 'Financing' },
  obstacles: { id: 'Hambatan dan tantangan', en: 'Obstacles and challenges' },
  analysis: {
    id: 'Analisis dan rencana tindak lanjut',
    en: 'Analysis and follow-up plan',
  },
};

export const SECTION_TEXT_MAX = 20_000;

export type ReportSection = {
  agreementId: string;
  // "PKS 12/2025 — Judul": what the section is headed with.
  label: string;
  texts: Record<SectionKey, string>;
};

export type RecapRow = {
  agreementId: string;
  numberOurs: string | null;
  numberPartner: string | null;
  docType: string;
  kind: string;
  title: string;
  partners: string;
  partnerCategory: string;
  units: string;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  // Ended early (diakhiri/dicabut) on this day.
  terminatedOn: string | null;
  status: string;
  isDormant: boolean;
  adenda: string;
  activitiesPlanned: number;
  activitiesDone: number;
  beneficiaries: number;
  fundsPlanned: number;
  fundsRealised: number;
  scoreS: number | null;
  scoreM: number | null;
  scoreI: number | null;
  band: string | null;
  obstacles: string;
  followUp: string;
};

// An evaluation finding not yet followed up: a final evaluation that ended Kurang or Dorman (an
// improvement plan or a decision is owed), or a realisation report returned and not sent again.
export type OpenFinding = {
  agreementId: string;
  label: string;
  source: 'evaluation' | 'report';
  since: string;
  text: string;
};

export type ReportContent = {
  periodFirstDay: string;
  periodLastDay: string;
  generatedAt: string;
  sections: ReportSection[];
  recap: RecapRow[];
  // Semester report only: dormant agreements and open findings.
  dormant: RecapRow[];
  findings: OpenFinding[];
};

// What the report row keeps besides its sections (stored one row per agreement).
export type ReportMeta = {
  periodFirstDay: string;
  periodLastDay: string;
  generatedAt: string;
  counts: { recap: number; dormant: number; findings: number };
};

// A page of the sections, as the report's screen reads them (a year may hold thousands).
export type ReportSectionsPage = { sections: (ReportSection & { number: number })[]; total: number; page: number; pageSize: number };

export const SECTIONS_PAGE_SIZE = 10;

export const ReportViewQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  q: plainText().trim().max(200).optional(),
});
export type ReportViewQuery = z.infer<typeof ReportViewQuerySchema>;

export type StatutoryReportSubmission = {
  letterNumber: string;
  letterDate: string;
  recipient: string;
  recordedAt: string;
  recordedBy: string | null;
};

export type StatutoryReportSummary = {
  id: string;
  kind: StatutoryReportKind;
  year: number;
  // 'annual' | 'S1' | 'S2'
  part: string;
  period: string;
  status: StatutoryReportStatus;
  job: {
    status: ReportJobStatus;
    done: number;
    total: number;
    error: string | null;
  };
  dueOn: string;
  sectionCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  finalisedAt: string | null;
  submission: StatutoryReportSubmission | null;
};

export type StatutoryReportView = StatutoryReportSummary & {
  meta: ReportMeta | null;
  sections: ReportSectionsPage | null;
  can: {
    edit: boolean;
    regenerate: boolean;
    finalise: boolean;
    submit: boolean;
  };
};

export type StatutoryReportList = {
  reports: StatutoryReportSummary[];
  deadlines: ReportDeadline[];
  can: { generate: boolean; editSettings: boolean };
};

export type ReportDeadline = {
  label: string;
  dueOn: string;
  submitted: boolean;
};

const year = z.number().int().min(2000).max(2200);

export const GenerateReportSchema = z
  .object({
    kind: z.enum(REPORT_KINDS),
    year,
    half: z.union([z.literal(1), z.literal(2)]).optional(),
  })
  .superRefine((value, context) => {
    if (value.kind === 'semester' && value.half === undefined)
      context.addIssue({
        code: 'custom',
        path: ['half'],
        message: 'semester 1 atau 2 / semester 1 or 2',
      });
  });
export type GenerateReportInput = z.infer<typeof GenerateReportSchema>;

export const UpdateSectionSchema = z.object({
  version: versionSchema,
  key: z.enum(SECTION_KEYS),
  text: plainText().max(SECTION_TEXT_MAX),
});
export type UpdateSectionInput = z.infer<typeof UpdateSectionSchema>;

export const VersionBodySchema = z.object({ version: versionSchema });

export const RecordSubmissionSchema = z.object({
  version: versionSchema,
  letterNumber: plainText().trim().min(1).max(200),
  letterDate: isoDate,
  recipient: plainText().trim().min(3).max(300),
});
export type RecordSubmissionInput = z.infer<typeof RecordSubmissionSchema>;

export const ReportFileQuerySchema = z.object({
  format: z.enum(['pdf', 'xlsx', 'docx']),
});

// Layout and deadlines: settings, defaulting to Permendagri 25/2020 (the KSDD/KSDPK format of
// Permendagri 22/2020 was not verified).
export type ReportSettings = {
  letterhead: string;
  signatoryName: string;
  signatoryTitle: string;
  // Ps 35: the report reaches the Gubernur in the first week of January.
  annualDueDay: number;
  // Days after a semester's last day the monitoring report is due.
  semesterDueDays: number;
};

export type ReportSettingsView = ReportSettings & {
  version: number;
  canEdit: boolean;
};

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  letterhead: 'PEMERINTAH KOTA TERNATE\nSEKRETARIAT DAERAH — BAGIAN KERJA SAMA',
  signatoryName: '',
  signatoryTitle: 'Wali Kota Ternate',
  annualDueDay: 7,
  semesterDueDays: 14,
};

export const UpdateReportSettingsSchema = z.object({
  version: versionSchema,
  letterhead: plainText().max(500),
  signatoryName: plainText().max(200),
  signatoryTitle: plainText().max(200),
  annualDueDay: z.number().int().min(1).max(31),
  semesterDueDays: z.number().int().min(0).max(180),
});
export type UpdateReportSettingsInput = z.infer<typeof UpdateReportSettingsSchema>;
