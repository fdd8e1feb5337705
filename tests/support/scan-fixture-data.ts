// The people, institutions and subjects the generated agreements are made of. Partner numbers
// never carry the city's code (TTE), as real partners' numbering does not.

export type FixturePartner = {
  organisation: string;
  heading: string;
  signer: string;
  position: string;
  // Central-government bodies usually sign as PIHAK PERTAMA.
  signsFirst: boolean;
  number: (sequence: number, year: number) => string;
};

export const PARTNERS: FixturePartner[] = [
  { organisation: 'Universitas Khairun', heading: 'UNIVERSITAS KHAIRUN', signer: 'Dr. M. Ridha Ajam, M.Hum', position: 'Rektor Universitas Khairun', signsFirst: false, number: (n, y) => `${n}/UN44/KS/${y}` },
  { organisation: 'Universitas Muhammadiyah Maluku Utara', heading: 'UNIVERSITAS MUHAMMADIYAH MALUKU UTARA', signer: 'Dr. Saiful Deni, M.Si', position: 'Rektor Universitas Muhammadiyah Maluku Utara', signsFirst: false, number: (n, y) => `${n}/II.3.AU/KS/${y}` },
  { organisation: 'PT Bank Pembangunan Daerah Maluku dan Maluku Utara', heading: 'PT BANK PEMBANGUNAN DAERAH MALUKU DAN MALUKU UTARA', signer: 'Syahrisal Imbar', position: 'Direktur Utama', signsFirst: false, number: (n, y) => `B.${n}/DIR/PKS/${y}` },
  { organisation: 'PT Bank Rakyat Indonesia (Persero) Tbk Kantor Cabang Ahmad Yani', heading: 'PT BANK RAKYAT INDONESIA (PERSERO) TBK', signer: 'Andi Kurniawan Putra', position: 'Pemimpin Cabang', signsFirst: false, number: (n, y) => `B.${n}/KC-XIV/ADK/${y}` },
  { organisation: 'Badan Pengembangan Sumber Daya Manusia Perhubungan', heading: 'BADAN PENGEMBANGAN SUMBER DAYA MANUSIA PERHUBUNGAN', signer: 'Ir. Djoko Sasono, M.Eng', position: 'Kepala Badan Pengembangan SDM Perhubungan', signsFirst: true, number: (n, y) => `HK.${n}/1/2/BPSDMP-${y}` },
  { organisation: 'Kantor Wilayah Kementerian Hukum Maluku Utara', heading: 'KANTOR WILAYAH KEMENTERIAN HUKUM MALUKU UTARA', signer: 'Budi Argap Situngkir', position: 'Kepala Kantor Wilayah', signsFirst: true, number: (n, y) => `W.${n}.PP.01.01-${y}` },
  { organisation: 'Pemerintah Kabupaten Halmahera Barat', heading: 'PEMERINTAH KABUPATEN HALMAHERA BARAT', signer: 'James Uang, S.H., M.Si', position: 'Bupati Halmahera Barat', signsFirst: false, number: (n, y) => `130/${n}/KSB-HB/${y}` },
  { organisation: 'Pemerintah Kota Tidore Kepulauan', heading: 'PEMERINTAH KOTA TIDORE KEPULAUAN', signer: 'Capt. Ali Ibrahim, M.H', position: 'Wali Kota Tidore Kepulauan', signsFirst: false, number: (n, y) => `180/${n}/KS-TIKEP/${y}` },
  { organisation: 'Politeknik Kesehatan Kementerian Kesehatan', heading: 'POLITEKNIK KESEHATAN KEMENTERIAN KESEHATAN', signer: 'Dr. Sukmawati, M.Kes', position: 'Direktur Politeknik Kesehatan', signsFirst: true, number: (n, y) => `PP.${n}/4/${y}` },
  { organisation: 'Pemerintah Kabupaten Kepulauan Sula', heading: 'PEMERINTAH KABUPATEN KEPULAUAN SULA', signer: 'Fifian Adeningsih Mus, S.T', position: 'Bupati Kepulauan Sula', signsFirst: false, number: (n, y) => `119/${n}/SULA/${y}` },
];

export const CITY_SIGNERS = [
  { signer: 'Dr. M. Tauhid Soleman, M.Si', position: 'Wali Kota Ternate' },
  { signer: 'Dr. Rizal Marsaoly, M.Si', position: 'Sekretaris Daerah Kota Ternate' },
  { signer: 'Muhammad Syarif Tjan, S.Pd', position: 'Kepala Dinas Pendidikan Kota Ternate' },
];

export const SUBJECTS = [
  { title: 'PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA APARATUR', scope: ['pendidikan dan pelatihan aparatur', 'penelitian dan pengabdian kepada masyarakat', 'pertukaran data dan informasi'] },
  { title: 'PEMBIAYAAN USAHA MIKRO, KECIL DAN MENENGAH', scope: ['penyaluran kredit usaha rakyat', 'pendampingan pelaku usaha mikro', 'literasi keuangan pedagang pasar'] },
  { title: 'PEMBAYARAN PAJAK DAERAH DAN RETRIBUSI DAERAH SECARA ELEKTRONIK', scope: ['penerimaan pajak daerah secara elektronik', 'penyediaan kanal pembayaran retribusi', 'rekonsiliasi penerimaan harian'] },
  { title: 'PENDIDIKAN DAN PELATIHAN TARUNA BIDANG PERHUBUNGAN', scope: ['penerimaan taruna beasiswa daerah', 'pelatihan keselamatan pelayaran', 'praktik kerja taruna'] },
  { title: 'HARMONISASI RANCANGAN PERATURAN DAERAH', scope: ['harmonisasi rancangan peraturan daerah', 'penyuluhan hukum kepada masyarakat', 'pembentukan kelurahan sadar hukum'] },
  { title: 'PENGELOLAAN SAMPAH DAN LINGKUNGAN HIDUP LINTAS DAERAH', scope: ['pengangkutan sampah lintas daerah', 'pengelolaan tempat pemrosesan akhir', 'pendidikan lingkungan hidup'] },
  { title: 'PELAYANAN KESEHATAN DASAR DAN PRAKTIK KLINIK MAHASISWA', scope: ['praktik klinik mahasiswa di puskesmas', 'penyuluhan kesehatan masyarakat', 'penelitian kesehatan terapan'] },
  { title: 'PENGEMBANGAN PARIWISATA DAN KEBUDAYAAN', scope: ['promosi destinasi wisata', 'pelestarian cagar budaya', 'pelatihan pemandu wisata'] },
];
