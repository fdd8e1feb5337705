import type { Db } from '../../db/client';
import { disseminationPackages } from '../dissemination/dissemination.table';
import { activityPlans } from '../plans/plans.table';

// Plans and published packages inserted directly, as facts for the health rules to read.

export async function buildPlan(db: Db, input: { agreementId: string; unitId: string; budgetYear: number }): Promise<void> {
  await db.insert(activityPlans).values({ ...input, title: `Rencana kegiatan ${input.budgetYear}`, budgetAmount: '0', budgetSource: 'APBD' });
}

export async function buildPublishedPackage(db: Db, agreementId: string): Promise<void> {
  await db.insert(disseminationPackages).values({ agreementId, status: 'published', summaryWhat: 'Ringkasan', publishedAt: new Date('2026-01-01T00:00:00Z') });
}
