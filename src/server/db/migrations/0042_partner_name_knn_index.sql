-- The import preview asks, for each new partner name, the few most alike existing ones. A GiST
-- trigram index answers that nearest-first (ORDER BY name_key <-> key LIMIT n) reading a few index
-- pages; the GIN index of 0001 (kept for searching partners) must fetch every name over the
-- similarity threshold and sort them, which with many similar names ("pt bank … 123") is a scan.
CREATE INDEX IF NOT EXISTS "partners_name_key_gist_idx" ON "partners" USING gist ("name_key" gist_trgm_ops);
