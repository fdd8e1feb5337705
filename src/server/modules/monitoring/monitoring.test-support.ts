import type { Db } from '../../db/client';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { disseminationPackages } from '../dissemination/dissemination.table';
import { activityPlans } from '../plans/plans.table';
import { realisationReports } from '../realisation/realisation.table';

// Plans and published packages inserted directly, as facts for the health rules to read.

export async function buildPlan(db: Db, input: { agreementId: string; unitId: string; budgetYear: number }): Promise<string> {
  const [plan] = await db.insert(activityPlans).values({ ...input, title: `Rencana kegiatan ${input.budgetYear}`, budgetAmount: '0', budgetSource: 'APBD' }).returning({ id: activityPlans.id });
  if (!plan) throw new Error('buildPlan: nothing inserted');
  return plan.id;
}

// A realisation report of a plan in a period, as it stands after the OPD and the division acted.
export async function buildReport(db: Db, input: { planId: string; agreementId: string; unitId: string; period: string; status: 'submitted' | 'verified'; verifiedAt?: Date }): Promise<void> {
  await db.insert(realisationReports).values({ ...input, summary: 'Kegiatan dilaksanakan', verifiedAt: input.verifiedAt ?? null });
}

export async function buildPublishedPackage(db: Db, agreementId: string): Promise<void> {
  await db.insert(disseminationPackages).values({ agreementId, status: 'published', summaryWhat: 'Ringkasan', publishedAt: new Date('2026-01-01T00:00:00Z') });
}

// An agreement in force since January 2025 with every fact health asks for as of late 2026: its
// package published, a 2026 plan, and that plan reported for 2026-S1.
export async function buildHealthyAgreement(db: Db, numberOurs: string): Promise<{ id: string; leadUnitId: string }> {
  const agreement = await buildAgreement(db, { numberOurs, signedOn: '2025-01-10', startsOn: '2025-01-10', endsOn: '2030-01-09' });
  await buildPublishedPackage(db, agreement.id);
  const plan = await buildPlan(db, { agreementId: agreement.id, unitId: agreement.leadUnitId, budgetYear: 2026 });
  await buildReport(db, { planId: plan, agreementId: agreement.id, unitId: agreement.leadUnitId, period: '2026-S1', status: 'submitted' });
  return agreement;
}
