import { HOME_LIST_LIMIT, type HomeGroup, type HomeTask, type HomeTaskKind, type HomeView } from '../../../shared/home';
import { recentPeriods } from '../../../shared/realisation';
import { PIMPINAN_ALERT_FROM_DAYS } from '../../../shared/renewal';
import { localDate, type ActorCtx } from '../../lib/context';
import { cityOccurrencesDue } from '../monitoring/obligation-lateness.service';
import { isPeriodOpen, periodWindow } from '../realisation/realisation.rules';
import { plansAwaitingReport } from '../realisation/realisation.service';
import { getSettings } from '../settings/settings.service';
import { homeTaskKindsOf } from './home.policy';
import * as repo from './home.repository';

// An OPD sees its obligations a month ahead; later ones wait for the next visit.
const OBLIGATION_HORIZON_DAYS = 30;
const limit = HOME_LIST_LIMIT;

type Inputs = { ctx: ActorCtx; on: string; closeDays: number; warningDays: number };

// The agreement page opens the tab its `tab` parameter names, and the evaluation tab the evaluation
// its `evaluation` parameter names, so the task lands on the answer form itself. The renewal panel
// sits in the same tab.
function evaluationLink(item: { agreementId: string; evaluationId: string }): string {
  return `/agreements/${item.agreementId}?tab=evaluation&evaluation=${item.evaluationId}`;
}

function group(kind: HomeTaskKind, tasks: HomeTask[], total = tasks.length): HomeGroup {
  return { kind, total, tasks };
}

// Plans to report on in every period open today (two at once in the weeks after a semester ends),
// split into those returned by the division and those not yet sent.
async function reportGroups({ ctx, on, closeDays }: Inputs, unitId: string): Promise<HomeGroup[]> {
  const open = recentPeriods(on, 2).filter((period) => isPeriodOpen(period, { today: on, closeDays })).reverse();
  const returned: HomeTask[] = [];
  const due: HomeTask[] = [];
  let returnedTotal = 0;
  let dueTotal = 0;
  for (const period of open) {
    const { closesOn } = periodWindow(period, closeDays);
    const found = await plansAwaitingReport(ctx, { unitId, period, limit });
    returnedTotal += found.returnedTotal;
    dueTotal += found.total - found.returnedTotal;
    for (const plan of found.rows) {
      const task: HomeTask = { kind: plan.status === 'returned' ? 'report_returned' : 'report_due', subject: plan.planTitle, context: plan.agreementTitle, note: plan.status === 'returned' ? plan.returnReason : period, dueOn: closesOn, late: false, link: plan.reportId ? `/realisation/reports/${plan.reportId}` : `/realisation/plans/${plan.planId}/${period}` };
      (plan.status === 'returned' ? returned : due).push(task);
    }
  }
  return [group('report_returned', returned.slice(0, limit), returnedTotal), group('report_due', due.slice(0, limit), dueTotal)];
}

async function groupOf(kind: HomeTaskKind, inputs: Inputs): Promise<HomeGroup[]> {
  const { ctx, on, warningDays } = inputs;
  const { actor, db } = ctx;
  const unitId = actor.role === 'opd' ? actor.unitId : null;
  switch (kind) {
    case 'report_due':
      return unitId ? reportGroups(inputs, unitId) : [];
    case 'report_returned':
      // Listed with report_due: both come from the same query.
      return [];
    case 'report_to_verify': {
      const found = await repo.selectReportsToVerify(db, { limit });
      return [group(kind, found.rows.map((report) => ({ kind, subject: report.planTitle, context: report.unitName, note: report.period, dueOn: report.submittedAt, late: false, link: `/realisation/reports/${report.reportId}` })), found.total)];
    }
    case 'obligation_due': {
      // One task per occurrence: a recurring obligation is due again each time.
      const found = await cityOccurrencesDue(ctx, { unitId, on, horizonDays: OBLIGATION_HORIZON_DAYS, limit });
      return [group(kind, found.rows.map((item) => ({ kind, subject: item.description, context: item.agreementTitle, note: null, dueOn: item.dueOn, late: item.isLate, link: `/agreements/${item.agreementId}#obligations` })), found.total)];
    }
    case 'obligation_to_confirm': {
      if (!unitId) return [];
      const found = await repo.selectObligationsToConfirm(db, { unitId, limit });
      return [group(kind, found.rows.map((item) => ({ kind, subject: item.description, context: item.agreementTitle, note: null, dueOn: item.dueOn, late: false, link: `/agreements/${item.agreementId}#obligations` })), found.total)];
    }
    case 'evaluation_to_answer': {
      const respondent = actor.role === 'opd' ? 'opd' : actor.role === 'tkksd' ? 'tkksd' : 'admin';
      const found = await repo.selectEvaluationsToAnswer(db, { respondent, unitId, limit });
      return [group(kind, found.rows.map((item) => ({ kind, subject: item.agreementTitle, context: null, note: item.period, dueOn: null, late: false, link: evaluationLink(item) })), found.total)];
    }
    case 'agreement_ending': {
      const withinDays = actor.role === 'pimpinan' ? PIMPINAN_ALERT_FROM_DAYS : warningDays;
      const found = await repo.selectEndingWithoutDecision(db, { unitId, on, withinDays, limit });
      return [group(kind, found.rows.map((item) => ({ kind, subject: item.title, context: item.numberOurs, note: null, dueOn: item.endsOn, late: false, link: `/agreements/${item.agreementId}?tab=evaluation` })), found.total)];
    }
    case 'review_waiting': {
      const found = await repo.selectReviewsWaiting(db, { reviewerId: actor.id, limit });
      return [group(kind, found.rows.map((item) => ({ kind, subject: item.title, context: null, note: item.stageCode, dueOn: null, late: false, link: `/proposals/${item.proposalId}` })), found.total)];
    }
    case 'package_to_acknowledge': {
      if (!unitId) return [];
      const found = await repo.selectPackagesToAcknowledge(db, { unitId, limit });
      return [group(kind, found.rows.map((item) => ({ kind, subject: item.agreementTitle, context: null, note: null, dueOn: item.publishedOn, late: false, link: `/dissemination/${item.agreementId}` })), found.total)];
    }
  }
}

// The signed-in person's tasks as of today, in the order their role's home lists them. Empty groups
// are kept: the screen says "nothing waits" per kind rather than hiding that the kind exists.
export async function homeOf(ctx: ActorCtx): Promise<HomeView> {
  const on = localDate(ctx.now);
  const settings = await getSettings(ctx.db);
  const inputs: Inputs = { ctx, on, closeDays: settings.reportCloseDays, warningDays: settings.expiryWarningDays };
  const groups: HomeGroup[] = [];
  for (const kind of homeTaskKindsOf(ctx.actor)) groups.push(...(await groupOf(kind, inputs)));
  return { on, groups };
}
