import { sql } from 'drizzle-orm';
import type { DocType } from '../../../shared/agreement-codes';
import { andAmongIds } from '../../db/bulk-sql';
import type { Db } from '../../db/client';
import type { MonitoredAgreement } from './monitoring.rules';

// Monitoring only reads the register, the plans and the dissemination packages (raw SQL, so the
// correlated subqueries can name the outer agreement): one pass over the agreements in force, each
// with the facts its health is derived from.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Row = {
  id: string;
  number_ours: string | null;
  doc_type: DocType;
  parent_id: string | null;
  is_draft: boolean;
  signed_on: string | null;
  starts_on: string | null;
  ends_on: string | null;
  termination_kind: 'diakhiri' | 'dicabut' | null;
  terminated_on: string | null;
  plan_years: number[] | null;
  disseminated: boolean;
};

// Agreements in force on `on` (signed, not ended early by then, not past their end: the register's
// status rule), with the budget years of their plans from `sinceYear` on and whether a dissemination
// package is published. `on` moves the calendar, not the data: plans and packages as they stand now.
// Dates come back as text so both drivers answer the same.
export async function loadAgreementsInForce(db: Db, options: { on: string; sinceYear: number; agreementIds?: string[] | undefined }): Promise<MonitoredAgreement[]> {
  if (!ISO_DATE.test(options.on)) throw new Error(`not a date: ${options.on}`);
  const on = sql`${options.on}::date`;
  const result: unknown = await db.execute(sql`
    SELECT a.id, a.number_ours, a.doc_type, a.parent_id, a.is_draft,
      a.signed_on::text AS signed_on, a.starts_on::text AS starts_on, a.ends_on::text AS ends_on,
      a.termination_kind, a.terminated_on::text AS terminated_on,
      (SELECT array_agg(DISTINCT ap.budget_year::int) FROM activity_plans ap
        WHERE ap.agreement_id = a.id AND ap.budget_year >= ${options.sinceYear}) AS plan_years,
      EXISTS (SELECT 1 FROM dissemination_packages p WHERE p.agreement_id = a.id AND p.status = 'published') AS disseminated
    FROM agreements a
    WHERE NOT a.is_draft
      AND NOT coalesce(a.termination_kind IS NOT NULL AND a.terminated_on <= ${on}, false)
      AND (a.ends_on IS NULL OR a.ends_on >= ${on})${andAmongIds(sql`a.id`, options.agreementIds)}`);
  return (result as { rows: Row[] }).rows.map((row) => ({
    id: row.id,
    numberOurs: row.number_ours,
    docType: row.doc_type,
    parentId: row.parent_id,
    isDraft: row.is_draft,
    signedOn: row.signed_on,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    terminationKind: row.termination_kind,
    terminatedOn: row.terminated_on,
    planYears: (row.plan_years ?? []).map(Number),
    // Filled in by the service from the realisation module.
    verifiedReportDates: [],
    disseminated: row.disseminated,
  }));
}
