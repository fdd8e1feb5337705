// Codes fixed by law (PP 28/2018) and used on both sides of the wire.
export const DOC_TYPES = ['KB', 'PKS', 'NK', 'ADENDUM'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const COOPERATION_KINDS = ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'] as const;
export type CooperationKind = (typeof COOPERATION_KINDS)[number];

export const KSDD_MODES = ['wajib', 'sukarela'] as const;
export type KsddMode = (typeof KSDD_MODES)[number];

export const AGREEMENT_STATUSES = ['draft', 'aktif', 'akan_berakhir', 'berakhir', 'diakhiri', 'dicabut'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

// PP 28/2018 Ps 9 and Ps 22: why an agreement ends before (or at) its term.
export const END_REASONS = [
  'jangka_waktu_berakhir',
  'tujuan_tercapai',
  'kesepakatan_para_pihak',
  'perubahan_kebijakan',
  'objek_hilang',
  'putusan_pengadilan',
  'mitra_pailit',
  'pelanggaran',
] as const;
export type EndReason = (typeof END_REASONS)[number];

export const DOCUMENT_KINDS = ['naskah_ttd', 'draf', 'lampiran', 'lainnya'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
