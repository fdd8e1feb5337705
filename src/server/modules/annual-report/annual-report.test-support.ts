import type { Db } from '../../db/client';
import { activityPlans } from '../plans/plans.table';
import { realisationReports } from '../realisation/realisation.table';

// A plan of an agreement and its realisation report, inserted directly as the facts a report reads.
export async function buildReportedPlan(db: Db, input: { agreementId: string; unitId: string; year: number; period: string }): Promise<void> {
  const [plan] = await db
    .insert(activityPlans)
    .values({
      agreementId: input.agreementId,
      unitId: input.unitId,
      budgetYear: input.year,
      title: `Pelatihan UMKM ${input.year}`,
      budgetAmount: '25000000',
      budgetSource: 'APBD',
    })
    .returning({ id: activityPlans.id });
  if (!plan) throw new Error('buildReportedPlan: no plan');
  await db.insert(realisationReports).values({
    planId: plan.id,
    agreementId: input.agreementId,
    unitId: input.unitId,
    period: input.period,
    status: 'verified',
    summary: 'Pelatihan pemasaran digital bagi pelaku UMKM.',
    completion: 'completed',
    beneficiaries: [{ group: 'umkm', count: 40 }],
    funds: [{ source: 'APBD', realised: '20000000' }],
    obstaclesInternal: 'Jaringan internet lemah.',
    followUp: 'Pendampingan lanjutan.',
  });
}
