import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client';

// What the leadership's reports read beyond the register, generated in the database in a few
// statements (issue 12: 500,000 realisation rows beside 100,000 agreements). For each agreement
// with an OPD: a published dissemination package sent to that OPD (acknowledged for most), and
// for each budget year it is in force from 2020 to 2026 (at most `yearsPerAgreement`), one or two
// activity plans, each with a report for each semester — verified for most, with beneficiaries and funds.

type Counts = { plans: number; reports: number; packages: number };

async function count(db: Db, table: string): Promise<number> {
  const result: unknown = await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return (result as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

export async function insertMonitoringRows(db: Db, options: { yearsPerAgreement: number }): Promise<Counts> {
  await db.execute(sql`
    INSERT INTO dissemination_packages (agreement_id, status, summary_what, published_at)
    SELECT a.id, 'published', 'Ringkasan ' || a.title, (coalesce(a.signed_on, a.starts_on, date '2020-01-01') + 30)::timestamptz
    FROM agreements a
    WHERE NOT a.is_draft AND a.doc_type <> 'ADENDUM' AND EXISTS (SELECT 1 FROM agreement_units u WHERE u.agreement_id = a.id)
      AND hashtext(a.id::text) % 10 <> 0
    ON CONFLICT DO NOTHING`);
  await db.execute(sql`
    INSERT INTO dissemination_recipients (package_id, unit_id, sent_at, acknowledged_at)
    SELECT p.id, u.unit_id, p.published_at, CASE WHEN hashtext(p.id::text) % 5 <> 0 THEN p.published_at + interval '5 days' END
    FROM dissemination_packages p JOIN agreement_units u ON u.agreement_id = p.agreement_id
    ON CONFLICT DO NOTHING`);
  await db.execute(sql`
    INSERT INTO activity_plans (agreement_id, unit_id, budget_year, title, budget_amount, budget_source)
    SELECT a.id, u.unit_id, y, 'Kegiatan ' || k || ' ' || y || ' ' || left(a.title, 60), 10000000 + (abs(hashtext(a.id::text || y || k)) % 90) * 1000000, 'APBD'
    FROM agreements a
    JOIN LATERAL (SELECT unit_id FROM agreement_units WHERE agreement_id = a.id ORDER BY is_lead DESC, unit_id LIMIT 1) u ON true
    CROSS JOIN LATERAL generate_series(greatest(2020, extract(year FROM coalesce(a.starts_on, a.signed_on))::int),
      least(2026, extract(year FROM coalesce(a.ends_on, date '2026-12-31'))::int)) AS y
    CROSS JOIN generate_series(1, 2) AS k
    WHERE NOT a.is_draft AND a.doc_type <> 'ADENDUM' AND a.starts_on IS NOT NULL
      AND y < greatest(2020, extract(year FROM a.starts_on)::int) + ${options.yearsPerAgreement}
      AND hashtext(a.id::text) % 7 <> 0
      -- A second activity in two years of three.
      AND (k = 1 OR abs(hashtext(a.id::text || y)) % 3 <> 0)`);
  await db.execute(sql`
    INSERT INTO realisation_reports (plan_id, agreement_id, unit_id, period, status, summary, completion, beneficiaries, funds, submitted_at, verified_at)
    SELECT p.id, p.agreement_id, p.unit_id, p.budget_year || '-' || s, st, 'Laporan ' || p.title, 'half_or_more',
      jsonb_build_array(jsonb_build_object('group', (ARRAY['umkm','pedagang','pelajar_mahasiswa','warga','asn','lainnya'])[1 + abs(hashtext(p.id::text || s)) % 6], 'count', 1 + abs(hashtext(p.id::text)) % 200)),
      jsonb_build_array(jsonb_build_object('source', 'APBD', 'realised', (1000000 + abs(hashtext(p.id::text || s)) % 50000000)::text)),
      make_date(p.budget_year, CASE WHEN s = 'S1' THEN 7 ELSE 12 END, 15)::timestamptz,
      CASE WHEN st = 'verified' THEN make_date(p.budget_year, CASE WHEN s = 'S1' THEN 7 ELSE 12 END, 25)::timestamptz END
    FROM activity_plans p
    CROSS JOIN (VALUES ('S1'), ('S2')) AS semesters(s)
    CROSS JOIN LATERAL (SELECT CASE WHEN abs(hashtext(p.id::text || s)) % 10 < 8 THEN 'verified' ELSE 'submitted' END AS st) status
    ON CONFLICT DO NOTHING`);
  return { plans: await count(db, 'activity_plans'), reports: await count(db, 'realisation_reports'), packages: await count(db, 'dissemination_packages') };
}
