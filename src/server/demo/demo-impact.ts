import type { BeneficiaryEntry, FundEntry } from '../../shared/realisation';
import { localDate, type ActorCtx } from '../lib/context';
import { finaliseStatutoryReport, generateStatutoryReport, recordReportSubmission } from '../modules/annual-report/annual-report-workflow.service';
import { getStatutoryReport, whenGenerationIdle } from '../modules/annual-report/annual-report.service';
import { getAgreement } from '../modules/agreements/agreements.service';
import { getMasterData } from '../modules/master/master.service';
import { createPlan } from '../modules/plans/plans.service';
import { periodWindow } from '../modules/realisation/realisation.rules';
import { createReport, submitReport, verifyReport } from '../modules/realisation/realisation.service';
import type { DemoEntry } from './demo-rows';

// What the leadership sees on first start (issue 12): activities of several OPDs carried out and
// verified last year and this year — traders paying retribution by QRIS, social aid through the
// post office, research grants for students — so that the dashboard's funnel, beneficiaries, funds
// and per-OPD table are filled, and last year's annual report to the Gubernur generated from them,
// finalised and recorded as sent.

type Activity = {
  key: string;
  unit: string;
  title: string;
  budget: string;
  summary: string;
  beneficiaries: BeneficiaryEntry[];
  funds: FundEntry[];
  obstaclesExternal?: string;
};

const ACTIVITIES: Activity[] = [
  {
    key: 'bi-pks-2024',
    unit: 'Disperindag',
    title: 'Pendampingan pedagang pasar membayar retribusi dengan QRIS',
    budget: '35000000',
    summary: 'Sosialisasi dan pendampingan pembayaran retribusi dengan QRIS di Pasar Gamalama dan Pasar Bastiong.',
    beneficiaries: [{ group: 'pedagang', count: 340, place: 'Pasar Gamalama dan Pasar Bastiong' }],
    funds: [
      { source: 'APBD', realised: '31000000' },
      { source: 'mitra', realised: '20000000' },
    ],
    obstaclesExternal: 'Sebagian pedagang belum memiliki telepon pintar.',
  },
  {
    key: 'pos-kb-2024',
    unit: 'Dinsos',
    title: 'Penyaluran bantuan sosial melalui Kantor Pos',
    budget: '60000000',
    summary: 'Bantuan sosial disalurkan melalui Kantor Pos Ternate dan layanan antar bagi lansia.',
    beneficiaries: [{ group: 'warga', count: 1250, place: 'Delapan kecamatan Kota Ternate' }],
    funds: [{ source: 'APBD', realised: '54500000' }],
  },
  {
    key: 'ummu-kb-2025',
    unit: 'Dikbud',
    title: 'Hibah riset terapan mahasiswa untuk pengembangan kota',
    budget: '40000000',
    summary: 'Dua belas tim mahasiswa meneliti persoalan kota bersama perangkat daerah.',
    beneficiaries: [{ group: 'pelajar_mahasiswa', count: 60, place: 'Universitas Muhammadiyah Maluku Utara' }],
    funds: [
      { source: 'APBD', realised: '36000000' },
      { source: 'mitra', realised: '12000000' },
    ],
  },
];

// A plan for the budget year and its report for the semester, written, sent and verified on the
// semester's last day, as a careful OPD and division would.
async function carryOut(ctx: ActorCtx, input: { activity: Activity; agreementId: string; unitId: string; period: string }): Promise<void> {
  const year = Number(input.period.slice(0, 4));
  const then: ActorCtx = { ...ctx, now: new Date(`${periodWindow(input.period, 0).lastDay}T03:00:00Z`) };
  const { activity } = input;
  const plan = await createPlan(then, { agreementId: input.agreementId, unitId: input.unitId, title: activity.title, budgetYear: year, budgetAmount: activity.budget, budgetSource: 'APBD', indicators: [], startMonth: `${String(year)}-01`, endMonth: `${String(year)}-12` });
  const report = await createReport(then, { planId: plan.id, period: input.period, summary: activity.summary, beneficiaries: activity.beneficiaries, funds: activity.funds, completion: 'completed', obstaclesExternal: activity.obstaclesExternal ?? null });
  const sent = await submitReport(then, { reportId: report.id, version: report.version });
  await verifyReport(then, { reportId: report.id, version: sent.version });
}

async function inForce(ctx: ActorCtx, agreementId: string): Promise<boolean> {
  return ['aktif', 'akan_berakhir'].includes((await getAgreement(ctx, agreementId)).status);
}

// Last year's annual report: generated from the register, finalised and recorded as sent in time.
async function finishedAnnualReport(ctx: ActorCtx, year: number): Promise<void> {
  const generated = await generateStatutoryReport(ctx, { kind: 'annual', year });
  await whenGenerationIdle();
  const ready = await getStatutoryReport(ctx, { id: generated.id });
  if (ready.job.status !== 'ready') throw new Error(`the demo's annual report ${String(year)} was not generated: ${ready.job.error ?? ready.job.status}`);
  const final = await finaliseStatutoryReport(ctx, { id: ready.id, version: ready.version });
  await recordReportSubmission(ctx, { id: final.id, version: final.version, letterNumber: `000.4/012/BKS/${String(year + 1)}`, letterDate: `${String(year + 1)}-01-06`, recipient: 'Gubernur Maluku Utara' });
}

export async function loadDemoImpact(ctx: ActorCtx, { entries, ids }: { entries: DemoEntry[]; ids: Map<string, string> }): Promise<void> {
  const year = Number(localDate(ctx.now).slice(0, 4));
  const units = (await getMasterData(ctx)).units;
  const numberOf = new Map(entries.map((entry) => [entry.key, entry.numberOurs]));
  for (const activity of ACTIVITIES) {
    const agreementId = ids.get(numberOf.get(activity.key) ?? '');
    const unitId = units.find((row) => row.shortName === activity.unit)?.id;
    if (!agreementId || !unitId || !(await inForce(ctx, agreementId))) continue;
    // Last year's second semester, and this year's first once it has ended.
    await carryOut(ctx, { activity, agreementId, unitId, period: `${String(year - 1)}-S2` });
    if (localDate(ctx.now) > `${String(year)}-06-30`) await carryOut(ctx, { activity, agreementId, unitId, period: `${String(year)}-S1` });
  }
  await finishedAnnualReport(ctx, year - 1);
}
