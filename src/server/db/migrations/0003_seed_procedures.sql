-- The default procedure per cooperation kind (PP 28/2018 Ps 6, Permendagri 22/2020 and the division's
-- practice, see domain.md). Target days are practice, not law: the division edits them as data.
INSERT INTO procedures (kind, name, description) VALUES
  ('KSDD', 'Kerja Sama Daerah dengan Daerah Lain', 'Kerja sama dengan pemerintah provinsi atau kabupaten/kota lain (wajib atau sukarela).'),
  ('KSDPK', 'Kerja Sama Daerah dengan Pihak Ketiga', 'Kerja sama dengan perseorangan, badan usaha berbadan hukum, organisasi kemasyarakatan atau perguruan tinggi swasta; memerlukan studi kelayakan.'),
  ('KSDPL', 'Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri', 'Kerja sama dengan pemerintah daerah di luar negeri (kota kembar); dilaporkan kepada Menteri Dalam Negeri.'),
  ('KSDLL', 'Kerja Sama Daerah dengan Lembaga di Luar Negeri', 'Kerja sama dengan lembaga di luar negeri; dilaporkan kepada Menteri Dalam Negeri.'),
  ('SINERGI', 'Sinergi dengan Instansi Pemerintah Pusat', 'Kerja sama dengan kementerian/lembaga dan instansi vertikal, perguruan tinggi negeri, Bank Indonesia, TNI atau Polri melalui Nota Kesepakatan dan Rencana Kerja.')
ON CONFLICT (kind) DO NOTHING;
--> statement-breakpoint
INSERT INTO procedure_stages (kind, position, code, name, description, required_docs_opd, required_docs_external, target_days, is_dprd_approval)
SELECT r.kind, 0, 'registrasi_validasi', 'Registrasi dan validasi usulan',
  'Bagian Kerja Sama mencatat usulan dan memeriksa kelengkapan dokumen persiapan.',
  r.opd::text[], r.external::text[], 7, false
FROM (VALUES
  ('KSDD', '{kak,surat_inisiasi,sk_ppksd}', '{surat_penawaran,kak,rancangan_kb}'),
  ('KSDPK', '{kak,studi_kelayakan,surat_inisiasi,sk_ppksd}', '{surat_penawaran,kak,studi_kelayakan}'),
  ('KSDPL', '{kak,surat_inisiasi,sk_ppksd}', '{surat_penawaran,kak}'),
  ('KSDLL', '{kak,surat_inisiasi,sk_ppksd}', '{surat_penawaran,kak}'),
  ('SINERGI', '{kak,surat_inisiasi,sk_ppksd}', '{surat_penawaran,kak}')
) AS r(kind, opd, external)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO procedure_stages (kind, position, code, name, description, required_docs_opd, required_docs_external, target_days, is_dprd_approval)
SELECT k.kind, s.position, s.code, s.name, s.description, s.docs::text[], s.docs::text[], s.target_days, s.is_dprd
FROM (VALUES ('KSDD'), ('KSDPK'), ('KSDPL'), ('KSDLL'), ('SINERGI')) AS k(kind)
CROSS JOIN (VALUES
  (1, 'pembahasan_tkksd', 'Pembahasan oleh TKKSD', 'Tim Koordinasi Kerja Sama Daerah membahas usulan; usulan dapat dikembalikan untuk diperbaiki.', '{berita_acara}', 14, false),
  (2, 'penawaran_tanggapan', 'Penawaran dan tanggapan', 'Surat penawaran ditandatangani Wali Kota; calon mitra menjawab dengan surat tanggapan.', '{surat_penawaran,surat_tanggapan}', 30, false)
) AS s(position, code, name, description, docs, target_days, is_dprd)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- PP 28/2018 Ps 6(2): DPRD approval only when the cooperation burdens the public and the region or its
-- funding is not yet in this year's APBD. Foreign cooperation: DPRD decides within 45 working days.
INSERT INTO procedure_stages (kind, position, code, name, description, required_docs_opd, required_docs_external, target_days, is_dprd_approval)
SELECT k.kind, s.position, s.code, s.name, s.description, s.docs::text[], s.docs::text[], s.target_days, s.is_dprd
FROM (VALUES ('KSDD'), ('KSDPK'), ('KSDPL'), ('KSDLL')) AS k(kind)
CROSS JOIN (VALUES
  (3, 'penyusunan_kb', 'Penyusunan Kesepakatan Bersama', 'Para pihak menyusun dan menyepakati rancangan Kesepakatan Bersama.', '{rancangan_kb}', 30, false),
  (4, 'penandatanganan_kb', 'Penandatanganan Kesepakatan Bersama', 'Kesepakatan Bersama ditandatangani para pihak.', '{kb}', 14, false),
  (5, 'persetujuan_dprd', 'Persetujuan DPRD', 'Hanya bila kerja sama membebani masyarakat dan daerah atau pembiayaannya belum dianggarkan dalam APBD tahun berjalan (PP 28/2018 Pasal 6 ayat 2).', '{persetujuan_dprd}', 45, true),
  (6, 'penyusunan_pks', 'Penyusunan Perjanjian Kerja Sama', 'Para pihak menyusun rancangan Perjanjian Kerja Sama yang memuat hak, kewajiban dan jangka waktu.', '{rancangan_pks}', 30, false),
  (7, 'penandatanganan_pks', 'Penandatanganan Perjanjian Kerja Sama', 'Perjanjian Kerja Sama ditandatangani para pihak.', '{pks}', 14, false),
  (8, 'terdaftar', 'Pendaftaran naskah', 'Naskah yang telah ditandatangani dicatat dalam register kerja sama.', '{}', 7, false)
) AS s(position, code, name, description, docs, target_days, is_dprd)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Sinergi with central-government bodies: a Nota Kesepakatan and a Rencana Kerja instead of KB and PKS.
INSERT INTO procedure_stages (kind, position, code, name, description, required_docs_opd, required_docs_external, target_days, is_dprd_approval)
SELECT 'SINERGI', s.position, s.code, s.name, s.description, s.docs::text[], s.docs::text[], s.target_days, s.is_dprd
FROM (VALUES
  (3, 'penyusunan_nk', 'Penyusunan Nota Kesepakatan dan Rencana Kerja', 'Para pihak menyusun rancangan Nota Kesepakatan beserta Rencana Kerja.', '{rencana_kerja}', 30, false),
  (4, 'persetujuan_dprd', 'Persetujuan DPRD', 'Hanya bila kerja sama membebani masyarakat dan daerah atau pembiayaannya belum dianggarkan dalam APBD tahun berjalan (PP 28/2018 Pasal 6 ayat 2).', '{persetujuan_dprd}', 45, true),
  (5, 'penandatanganan_nk', 'Penandatanganan Nota Kesepakatan', 'Nota Kesepakatan dan Rencana Kerja ditandatangani para pihak.', '{nk,rencana_kerja}', 14, false),
  (6, 'terdaftar', 'Pendaftaran naskah', 'Naskah yang telah ditandatangani dicatat dalam register kerja sama.', '{}', 7, false)
) AS s(position, code, name, description, docs, target_days, is_dprd)
ON CONFLICT DO NOTHING;
