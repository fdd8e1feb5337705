import type { EvaluationFormInput, IndicatorInput, ScaleStep } from '../../shared/evaluation';

// The first revision of the evaluation form, seeded into an empty database: domain.md's starting
// indicator set (drawn from monev forms in use in other regions and the article's three elements).
// The division refines it as new revisions; an evaluation keeps the revision it was filled on.

const GENERIC_SCALE: ScaleStep[] = [
  { id: 'Tidak dilakukan / tidak ada bukti', en: 'Not done / no evidence' },
  { id: 'Kurang', en: 'Poor' },
  { id: 'Cukup', en: 'Fair' },
  { id: 'Baik', en: 'Good' },
  { id: 'Sangat baik', en: 'Very good' },
];

function scale(...steps: [string, string][]): ScaleStep[] {
  return steps.map(([id, en]) => ({ id, en }));
}

const SHARE_SCALE = scale(
  ['Tidak ada / 0 %', 'None / 0 %'],
  ['Di bawah 50 %', 'Below 50 %'],
  ['50–74 %', '50–74 %'],
  ['75–99 %', '75–99 %'],
  ['100 % atau lebih', '100 % or more'],
);

// plan_exists is yes or no: 0 without a plan, 4 with one.
const PLAN_SCALE = scale(
  ['Tidak ada rencana kegiatan', 'No activity plan'],
  ['(tidak dipakai)', '(not used)'],
  ['(tidak dipakai)', '(not used)'],
  ['(tidak dipakai)', '(not used)'],
  ['Ada rencana kegiatan', 'An activity plan exists'],
);

type Row = Omit<IndicatorInput, 'scale'> & { scale?: ScaleStep[] };

const ROWS: Row[] = [
  // Simbiosis: how closely the parties work together.
  { code: 'koordinasi', dimension: 'simbiosis', question: 'Koordinasi antara OPD dan mitra berjalan teratur', questionEn: 'The OPD and the partner coordinate regularly', weight: 3, evidenceRequired: false, respondents: ['opd', 'tkksd', 'partner'], computedFrom: null },
  { code: 'kontribusi_mitra', dimension: 'simbiosis', question: 'Mitra memberikan kontribusi sesuai kesepakatan', questionEn: 'The partner contributed as agreed', weight: 3, evidenceRequired: true, respondents: ['opd', 'admin'], computedFrom: null },
  { code: 'kewajiban_tepat_waktu', dimension: 'simbiosis', question: 'Kewajiban para pihak dipenuhi tepat waktu', questionEn: 'The parties met their obligations on time', weight: 2, evidenceRequired: false, respondents: [], computedFrom: 'obligations_on_time', scale: SHARE_SCALE },
  // Two facts, two indicators: a plan exists (yes/no) and the OPDs told acknowledged (a share).
  { code: 'rencana_kegiatan', dimension: 'simbiosis', question: 'Ada rencana kegiatan untuk tahun anggaran ini atau sebelumnya', questionEn: 'An activity plan exists for this budget year or the previous one', weight: 1, evidenceRequired: false, respondents: [], computedFrom: 'plan_exists', scale: PLAN_SCALE },
  { code: 'diseminasi_diterima', dimension: 'simbiosis', question: 'Diseminasi telah diterima OPD yang ditugasi', questionEn: 'The OPDs tasked acknowledged the dissemination', weight: 1, evidenceRequired: false, respondents: [], computedFrom: 'dissemination_acknowledged', scale: SHARE_SCALE },
  // Mutualisme: the benefit to each side.
  { code: 'dampak_layanan', dimension: 'mutualisme', question: 'Kerja sama berdampak nyata pada pelayanan publik', questionEn: 'The cooperation has a real impact on public services', weight: 3, evidenceRequired: true, respondents: ['opd', 'admin'], computedFrom: null },
  { code: 'penerima_manfaat', dimension: 'mutualisme', question: 'Jumlah penerima manfaat dibanding target', questionEn: 'Beneficiaries against the target', weight: 3, evidenceRequired: false, respondents: [], computedFrom: 'beneficiaries_vs_target', scale: SHARE_SCALE },
  { code: 'manfaat_mitra', dimension: 'mutualisme', question: 'Manfaat dan kepuasan bagi mitra', questionEn: 'Benefit and satisfaction for the partner', weight: 2, evidenceRequired: false, respondents: ['partner'], computedFrom: null },
  { code: 'relevansi', dimension: 'mutualisme', question: 'Masih relevan dengan kebutuhan dan rencana daerah', questionEn: 'Still relevant to the region’s needs and plans', weight: 2, evidenceRequired: false, respondents: ['admin'], computedFrom: null },
  { code: 'realisasi_anggaran', dimension: 'mutualisme', question: 'Realisasi anggaran sesuai rencana', questionEn: 'Budget realised in line with the plan', weight: 2, evidenceRequired: true, respondents: ['tkksd'], computedFrom: null },
  // Implementasi: what was actually carried out.
  { code: 'kegiatan_terlaksana', dimension: 'implementasi', question: 'Kegiatan terlaksana sesuai rencana', questionEn: 'Activities carried out against the plan', weight: 3, evidenceRequired: true, respondents: ['opd'], computedFrom: null },
  { code: 'tepat_waktu', dimension: 'implementasi', question: 'Kegiatan terlaksana tepat waktu', questionEn: 'Activities carried out on time', weight: 2, evidenceRequired: false, respondents: ['opd'], computedFrom: null },
  { code: 'indikator_tercapai', dimension: 'implementasi', question: 'Indikator keluaran/hasil tercapai', questionEn: 'Output and outcome indicators met', weight: 3, evidenceRequired: true, respondents: ['opd', 'admin'], computedFrom: null },
  { code: 'kepatuhan_pks', dimension: 'implementasi', question: 'Pelaksanaan patuh pada isi PKS', questionEn: 'Implementation complies with the PKS', weight: 2, evidenceRequired: false, respondents: ['tkksd'], computedFrom: null },
  { code: 'laporan_berkala', dimension: 'implementasi', question: 'Laporan berkala disampaikan tepat waktu dan lengkap', questionEn: 'Periodic reports are complete and on time', weight: 2, evidenceRequired: false, respondents: [], computedFrom: 'reports_on_time', scale: SHARE_SCALE },
];

export const DEFAULT_EVALUATION_FORM: EvaluationFormInput = {
  note: 'Set awal dari domain Jalin (formulir monev daerah lain dan tiga unsur artikel: Simbiosis, Mutualisme, Implementasi).',
  dimensionWeights: { simbiosis: 25, mutualisme: 35, implementasi: 40 },
  bands: { efektif: 3.25, cukup: 2.5, kurang: 1.5, implementasiFloor: 1 },
  indicators: ROWS.map(({ scale: steps, ...row }) => ({ ...row, scale: steps ?? GENERIC_SCALE })),
};
