// Words of Indonesian institution names, for partner-similarity.rules.ts. All lower case, as
// normalizePartnerName leaves them.

// Legal forms say nothing about which institution it is: "PT Bank Mandiri (Persero) Tbk" is Bank Mandiri.
export const LEGAL_FORMS = new Set(['pt', 'tbk', 'persero', 'perum', 'perseroan', 'terbatas', 'cv', 'ud', 'pd', 'ltd', 'inc']);

// Words that join others and are left out of initials ("Badan Pengelolaan Keuangan dan Aset Daerah" is BPKAD).
export const CONNECTIVES = new Set(['dan', 'serta', 'atau', 'of', 'and', 'the', 'untuk', 'di', 'ke', 'pada']);

// Abbreviations of words, written out.
export const ABBREVIATIONS = new Map<string, string>([
  ['pemkab', 'pemerintah kabupaten'],
  ['pemkot', 'pemerintah kota'],
  ['pemprov', 'pemerintah provinsi'],
  ['pemda', 'pemerintah daerah'],
  ['kab', 'kabupaten'],
  ['prov', 'provinsi'],
  ['propinsi', 'provinsi'],
  ['univ', 'universitas'],
  ['kemen', 'kementerian'],
  ['kementrian', 'kementerian'],
  ['sekda', 'sekretariat daerah'],
  ['malut', 'maluku utara'],
  ['halut', 'halmahera utara'],
  ['halbar', 'halmahera barat'],
  ['halteng', 'halmahera tengah'],
  ['haltim', 'halmahera timur'],
  ['halsel', 'halmahera selatan'],
]);

// Acronyms of institutions, written out as their full names are (after LEGAL_FORMS are dropped).
export const ACRONYMS = new Map<string, string>([
  ['bni', 'bank negara indonesia'],
  ['bri', 'bank rakyat indonesia'],
  ['bsi', 'bank syariah indonesia'],
  ['btn', 'bank tabungan negara'],
  ['bi', 'bank indonesia'],
  ['ojk', 'otoritas jasa keuangan'],
  ['unkhair', 'universitas khairun'],
  ['ummu', 'universitas muhammadiyah maluku utara'],
  ['unpatti', 'universitas pattimura'],
  ['ui', 'universitas indonesia'],
  ['ugm', 'universitas gadjah mada'],
  ['iain', 'institut agama islam negeri'],
  ['uin', 'universitas islam negeri'],
  ['bpjs', 'badan penyelenggara jaminan sosial'],
  ['kemendagri', 'kementerian dalam negeri'],
  ['kemenkeu', 'kementerian keuangan'],
  ['kemenkes', 'kementerian kesehatan'],
  ['kemendikbud', 'kementerian pendidikan kebudayaan'],
  ['kemenag', 'kementerian agama'],
  ['kemenlu', 'kementerian luar negeri'],
  ['kemenkumham', 'kementerian hukum hak asasi manusia'],
  ['bpk', 'badan pemeriksa keuangan'],
  ['bpkp', 'badan pengawasan keuangan pembangunan'],
  ['bps', 'badan pusat statistik'],
  ['bpn', 'badan pertanahan nasional'],
  ['pln', 'perusahaan listrik negara'],
  ['telkom', 'telekomunikasi indonesia'],
  ['pelni', 'pelayaran nasional indonesia'],
  ['pelindo', 'pelabuhan indonesia'],
  ['polri', 'kepolisian negara republik indonesia'],
  ['polda', 'kepolisian daerah'],
  ['tni', 'tentara nasional indonesia'],
  ['dprd', 'dewan perwakilan rakyat daerah'],
  ['rsud', 'rumah sakit umum daerah'],
  ['kpu', 'komisi pemilihan umum'],
]);

// Names that stand for an institution only when they are the whole name ("Koperasi Mandiri" is no bank).
export const WHOLE_NAMES = new Map<string, string>([
  ['mandiri', 'bank mandiri'],
  ['pertamina', 'pertamina'],
]);

// Words most institutions share: they count for little, and one name having them and the other not
// ("Pemerintah Kabupaten X" / "Kabupaten X") tells nothing apart.
export const GENERIC_WORDS = new Set([
  'pemerintah', 'bank', 'universitas', 'institut', 'sekolah', 'tinggi', 'politeknik', 'badan', 'dinas', 'kantor', 'cabang',
  'wilayah', 'perwakilan', 'unit', 'indonesia', 'republik', 'negeri', 'nasional', 'daerah', 'kementerian', 'lembaga',
  'yayasan', 'perusahaan', 'koperasi', 'asosiasi', 'perkumpulan', 'balai', 'pusat', 'rumah', 'sakit', 'umum',
]);

// Words that name a place the institution merely sits in (Kota Ternate's partners are mostly there or
// in the region's cities); two different places still tell institutions apart.
export const PLACE_WORDS = new Set(['ternate', 'maluku', 'tidore', 'sofifi', 'ambon', 'manado', 'makassar', 'jakarta', 'kabupaten', 'kota', 'provinsi']);

// Words that make a different institution of the same name: a direction ("Maluku" vs "Maluku Utara").
export const QUALIFIER_WORDS = new Set(['utara', 'selatan', 'barat', 'timur', 'tengah', 'raya', 'kepulauan', 'daya', 'laut', 'darat']);
