import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { CooperationKind } from '../../../shared/agreement-codes';
import type { Db } from '../../db/client';
import { digestRuns } from './digest.table';

export type DigestAgreementRow = {
  id: string;
  title: string;
  numberOurs: string | null;
  kind: CooperationKind;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  partnerName: string | null;
  unitName: string | null;
  // Ending soon only: the renewal decision recorded for the current end date, if any.
  decision: string | null;
};

export type DigestList = { total: number; rows: DigestAgreementRow[] };

// The columns every section shows: the primary partner, the lead OPD.
function listOf(where: SQL, order: SQL, limit: number) {
  return sql`
    SELECT a.id, a.title, a.number_ours, a.kind, a.signed_on::text AS signed_on, a.starts_on::text AS starts_on, a.ends_on::text AS ends_on,
      (SELECT p.name FROM agreement_partners ap JOIN partners p ON p.id = ap.partner_id WHERE ap.agreement_id = a.id ORDER BY ap.position LIMIT 1) AS partner_name,
      (SELECT u.name FROM agreement_units au JOIN units u ON u.id = au.unit_id WHERE au.agreement_id = a.id AND au.is_lead LIMIT 1) AS unit_name,
      (SELECT d.decision FROM renewal_decisions d WHERE d.agreement_id = a.id AND d.ends_on IS NOT DISTINCT FROM a.ends_on) AS decision,
      count(*) OVER () AS total
    FROM agreements a
    WHERE NOT a.is_draft AND ${where}
    ORDER BY ${order}
    LIMIT ${limit}`;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

async function run(db: Db, query: SQL): Promise<DigestList> {
  const result: unknown = await db.execute(query);
  const rows = (result as { rows: Record<string, unknown>[] }).rows;
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((row) => ({
      id: String(row.id),
      title: String(row.title),
      numberOurs: text(row.number_ours),
      kind: row.kind as CooperationKind,
      signedOn: text(row.signed_on),
      startsOn: text(row.starts_on),
      endsOn: text(row.ends_on),
      partnerName: text(row.partner_name),
      unitName: text(row.unit_name),
      decision: text(row.decision),
    })),
  };
}

// Not ended early or revoked by `on`.
const notTerminated = (on: string) => sql`NOT coalesce(a.termination_kind IS NOT NULL AND a.terminated_on <= ${on}::date, false)`;

export function selectSignedBetween(db: Db, range: { from: string; to: string; limit: number }): Promise<DigestList> {
  return run(db, listOf(sql`a.signed_on BETWEEN ${range.from}::date AND ${range.to}::date`, sql`a.signed_on, a.number_ours, a.title`, range.limit));
}

export function selectStartedBetween(db: Db, range: { from: string; to: string; limit: number }): Promise<DigestList> {
  return run(db, listOf(sql`a.starts_on BETWEEN ${range.from}::date AND ${range.to}::date`, sql`a.starts_on, a.number_ours, a.title`, range.limit));
}

// In force on `on` and ending by `until`, the soonest first.
export function selectEndingBetween(db: Db, range: { on: string; until: string; limit: number }): Promise<DigestList> {
  return run(db, listOf(sql`a.ends_on BETWEEN ${range.on}::date AND ${range.until}::date AND (a.starts_on IS NULL OR a.starts_on <= ${range.on}::date) AND ${notTerminated(range.on)}`, sql`a.ends_on, a.number_ours, a.title`, range.limit));
}

// Dormant by the stored health (the caller has made it fresh first).
export function selectDormant(db: Db, range: { limit: number }): Promise<DigestList> {
  return run(db, listOf(sql`EXISTS (SELECT 1 FROM agreement_health h WHERE h.agreement_id = a.id AND h.status = 'dorman')`, sql`a.ends_on NULLS LAST, a.number_ours, a.title`, range.limit));
}

export async function selectBaseline(db: Db): Promise<string | null> {
  const [row] = await db.select({ month: digestRuns.month }).from(digestRuns).orderBy(asc(digestRuns.month)).limit(1);
  return row?.month ?? null;
}

export async function selectRunStatus(db: Db, month: string): Promise<DigestRunRow['status'] | null> {
  const [row] = await db.select({ status: digestRuns.status }).from(digestRuns).where(eq(digestRuns.month, month));
  return row?.status ?? null;
}

type DigestRunRow = typeof digestRuns.$inferSelect;

// Claims a month: false when another run has it already (the first one stands). A month sent is
// also claimed over its baseline row (the division asked for that month by name).
export async function claimMonth(db: Db, values: typeof digestRuns.$inferInsert): Promise<boolean> {
  const insert = db.insert(digestRuns).values(values);
  const claimed =
    values.status === 'sent'
      ? insert.onConflictDoUpdate({ target: digestRuns.month, set: { status: 'sent', recipients: values.recipients ?? 0 }, setWhere: eq(digestRuns.status, 'baseline') })
      : insert.onConflictDoNothing();
  const rows = await claimed.returning({ month: digestRuns.month });
  return rows.length > 0;
}
