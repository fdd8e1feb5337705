// The OPDs of Kota Ternate that take part in cooperation, seeded into an empty database.
// Another city replaces this list (or edits the units as an admin after start-up).
export const DEFAULT_UNITS: { name: string; shortName: string }[] = [
  { name: 'Bagian Kerja Sama Sekretariat Daerah', shortName: 'Bag. Kerja Sama' },
  { name: 'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah', shortName: 'Bappelitbangda' },
  { name: 'Badan Pengelolaan Keuangan dan Aset Daerah', shortName: 'BPKAD' },
  { name: 'Badan Pendapatan Daerah', shortName: 'Bapenda' },
  { name: 'Dinas Pendidikan dan Kebudayaan', shortName: 'Dikbud' },
  { name: 'Dinas Kesehatan', shortName: 'Dinkes' },
  { name: 'Dinas Koperasi dan UKM', shortName: 'Diskop-UKM' },
  { name: 'Dinas Perindustrian dan Perdagangan', shortName: 'Disperindag' },
  { name: 'Dinas Perhubungan', shortName: 'Dishub' },
  { name: 'Dinas Pariwisata', shortName: 'Dispar' },
  { name: 'Dinas Kelautan dan Perikanan', shortName: 'DKP' },
  { name: 'Dinas Pertanian', shortName: 'Distan' },
  { name: 'Dinas Lingkungan Hidup', shortName: 'DLH' },
  { name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'DPUPR' },
  { name: 'Dinas Komunikasi, Informatika dan Persandian', shortName: 'Diskominfo' },
  { name: 'Dinas Sosial', shortName: 'Dinsos' },
  { name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil' },
  { name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', shortName: 'DPMPTSP' },
  { name: 'Dinas Tenaga Kerja', shortName: 'Disnaker' },
  { name: 'Badan Penanggulangan Bencana Daerah', shortName: 'BPBD' },
];
