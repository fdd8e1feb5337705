-- Fuzzy partner names (pg_trgm) and the agreements' search vector, written only by this function.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS partners_name_key_trgm_idx ON partners USING gin (name_key gin_trgm_ops);
--> statement-breakpoint
-- Title and numbers weigh most, then partners, then scope and purpose. Numbers and names are also
-- indexed with the 'simple' configuration so that "100/KB/2021" or a bank's name match as typed.
CREATE OR REPLACE FUNCTION jalin_refresh_agreement_search(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE agreements a SET search_vector =
      setweight(to_tsvector('indonesian'::regconfig, coalesce(a.title, '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, coalesce(a.number_ours, '') || ' ' || coalesce(a.number_partner, '')), 'A')
    || setweight(to_tsvector('indonesian'::regconfig, coalesce(p.names, '')), 'B')
    || setweight(to_tsvector('simple'::regconfig, coalesce(p.names, '')), 'B')
    || setweight(to_tsvector('indonesian'::regconfig, coalesce(a.scope, '') || ' ' || coalesce(a.purpose, '')), 'C')
  FROM (
    SELECT x.id, string_agg(pt.name, ' ' ORDER BY ap.position) AS names
    FROM unnest(ids) AS x(id)
    LEFT JOIN agreement_partners ap ON ap.agreement_id = x.id
    LEFT JOIN partners pt ON pt.id = ap.partner_id
    GROUP BY x.id
  ) p
  WHERE a.id = p.id;
$$;
--> statement-breakpoint
INSERT INTO partner_groups (code, name, sort_order) VALUES
  ('pemerintah', 'Instansi Pemerintah', 1),
  ('bumn_bumd', 'BUMN/BUMD', 2),
  ('swasta', 'Swasta', 3),
  ('lainnya', 'Lainnya', 4)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
INSERT INTO partner_categories (code, name, group_code, sort_order) VALUES
  ('pemerintah_pusat', 'Pemerintah Pusat (kementerian, lembaga, instansi vertikal, BI, TNI, Polri)', 'pemerintah', 1),
  ('pemerintah_provinsi', 'Pemerintah Provinsi', 'pemerintah', 2),
  ('pemerintah_kabupaten_kota', 'Pemerintah Kabupaten/Kota', 'pemerintah', 3),
  ('perguruan_tinggi_negeri', 'Perguruan Tinggi Negeri / Kedinasan', 'pemerintah', 4),
  ('bumn', 'BUMN', 'bumn_bumd', 5),
  ('bumd', 'BUMD (termasuk bank daerah dan PDAM)', 'bumn_bumd', 6),
  ('swasta', 'Swasta (perusahaan, koperasi)', 'swasta', 7),
  ('perguruan_tinggi_swasta', 'Perguruan Tinggi Swasta', 'swasta', 8),
  ('ormas_lembaga', 'Ormas, Yayasan, Lembaga', 'lainnya', 9),
  ('perseorangan', 'Perseorangan', 'lainnya', 10),
  ('luar_negeri', 'Luar Negeri', 'lainnya', 11)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
INSERT INTO sectors (code, name, sort_order) VALUES
  ('pendidikan', 'Pendidikan', 1),
  ('kesehatan', 'Kesehatan', 2),
  ('umkm_koperasi', 'UMKM dan Koperasi', 3),
  ('pendapatan_daerah', 'Pendapatan Daerah (pajak dan retribusi)', 4),
  ('perhubungan', 'Perhubungan', 5),
  ('pariwisata_kebudayaan', 'Pariwisata dan Kebudayaan', 6),
  ('kelautan_perikanan', 'Kelautan dan Perikanan', 7),
  ('pertanian_pangan', 'Pertanian dan Ketahanan Pangan', 8),
  ('lingkungan_hidup', 'Lingkungan Hidup', 9),
  ('pekerjaan_umum', 'Pekerjaan Umum dan Penataan Ruang', 10),
  ('kominfo_statistik', 'Komunikasi, Informatika dan Statistik', 11),
  ('sosial_kependudukan', 'Kependudukan, Sosial dan Pemberdayaan Masyarakat', 12),
  ('perbankan_keuangan', 'Perbankan dan Keuangan Daerah', 13)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
INSERT INTO settings (key, value) VALUES
  ('expiry_warning_days', '180'),
  ('max_term_years', '5'),
  ('max_upload_mb', '25')
ON CONFLICT (key) DO NOTHING;
