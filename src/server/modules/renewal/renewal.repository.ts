import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { CooperationKind } from '../../../shared/agreement-codes';
import type { Db } from '../../db/client';
import { users } from '../users/users.table';
import { expiryAlerts, renewalDecisions } from './renewal.table';

export type DecisionRow = typeof renewalDecisions.$inferSelect & { decidedByName: string | null };

export async function selectDecision(db: Db, agreementId: string): Promise<DecisionRow | null> {
  const [row] = await db
    .select({ ...getTableColumns(renewalDecisions), decidedByName: users.name })
    .from(renewalDecisions)
    .leftJoin(users, eq(users.id, renewalDecisions.decidedBy))
    .where(eq(renewalDecisions.agreementId, agreementId));
  return row ?? null;
}

// False when a decision already exists (two people deciding at once: the first one stands).
export async function insertDecision(db: Db, values: typeof renewalDecisions.$inferInsert): Promise<boolean> {
  const rows = await db.insert(renewalDecisions).values(values).onConflictDoNothing().returning({ agreementId: renewalDecisions.agreementId });
  return rows.length > 0;
}

export type AlertCandidate = {
  agreementId: string;
  title: string;
  numberOurs: string | null;
  kind: CooperationKind;
  endsOn: string;
  // Active users told about it: the lead OPDs' liaisons, the division, the pimpinan.
  leadUnitIds: string[];
};

// Agreements in force on `on` that end within `maxDays` and have no renewal decision for that end
// date (an adendum that moves the end opens the question again).
export async function selectAlertCandidates(db: Db, query: { on: string; maxDays: number }): Promise<AlertCandidate[]> {
  const result: unknown = await db.execute(sql`
    SELECT a.id, a.title, a.number_ours, a.kind, a.ends_on::text AS ends_on,
      coalesce((SELECT array_agg(au.unit_id::text ORDER BY au.unit_id) FROM agreement_units au WHERE au.agreement_id = a.id AND au.is_lead), '{}') AS lead_unit_ids
    FROM agreements a
    WHERE NOT a.is_draft
      AND a.ends_on BETWEEN ${query.on}::date AND ${query.on}::date + ${query.maxDays}::int
      AND NOT coalesce(a.termination_kind IS NOT NULL AND a.terminated_on <= ${query.on}::date, false)
      AND NOT EXISTS (SELECT 1 FROM renewal_decisions d WHERE d.agreement_id = a.id AND d.ends_on IS NOT DISTINCT FROM a.ends_on)
    ORDER BY a.ends_on, a.number_ours`);
  return (result as { rows: Record<string, unknown>[] }).rows.map((row) => ({
    agreementId: String(row.id),
    title: String(row.title),
    numberOurs: (row.number_ours as string | null) ?? null,
    kind: row.kind as CooperationKind,
    endsOn: String(row.ends_on),
    leadUnitIds: (row.lead_unit_ids as string[] | null) ?? [],
  }));
}

export type AlertClaim = { agreementId: string; endsOn: string; stageDays: number; userId: string };

// Claims the alerts for one person: only the rows this run inserted come back, so a second run or a
// second process that races it gets nothing to send.
export async function claimAlerts(db: Db, { claims, now }: { claims: AlertClaim[]; now: Date }): Promise<AlertClaim[]> {
  if (claims.length === 0) return [];
  const rows = await db
    .insert(expiryAlerts)
    .values(claims.map((claim) => ({ ...claim, sentAt: now })))
    .onConflictDoNothing()
    .returning({ agreementId: expiryAlerts.agreementId, endsOn: expiryAlerts.endsOn, stageDays: expiryAlerts.stageDays, userId: expiryAlerts.userId });
  return rows;
}

export async function countAlertsOf(db: Db, agreementId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(expiryAlerts).where(eq(expiryAlerts.agreementId, agreementId));
  return row?.n ?? 0;
}
