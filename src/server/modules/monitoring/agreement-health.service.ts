import type { AgreementHealth } from '../../../shared/agreement-health';
import type { EvaluationBand } from '../../../shared/evaluation';
import { localDate, type Ctx } from '../../lib/context';
import { reportsDue } from '../realisation/realisation.service';
import { lastClosedPeriod } from '../realisation/realisation.rules';
import { getSettings } from '../settings/settings.service';
import { loadHealthExtras } from './agreement-health.repository';
import { healthOfAll } from './agreement-health.rules';
import { lateObligationCounts } from './obligation-lateness.service';
import { checkMonitorDate, monitoredAgreements } from './monitoring.service';

// Health of every agreement in force as of a date, by id (decision 0016). Like monitorAsOf it runs
// as the system; whoever serves it filters by what the reader may see.
// Evaluation sits above monitoring in the module layers, so whoever asks hands in the bands of the
// latest final evaluations it knows (`lastBands`); agreements absent from it count as not evaluated.
// `agreementIds`: only these are read (a KB or NK's health needs the PKS under it read too).
export async function healthAsOf(
  ctx: Pick<Ctx, 'db' | 'now'>,
  input: { on?: string | undefined; lastBands?: Map<string, EvaluationBand | null>; agreementIds?: string[] | undefined } = {},
): Promise<Map<string, AgreementHealth>> {
  const on = input.on ?? localDate(ctx.now);
  checkMonitorDate(on);
  const { agreementIds } = input;
  const { expiryWarningDays, dormantAfterMonths, reportCloseDays } = await getSettings(ctx.db);
  const agreements = await monitoredAgreements(ctx, { on, agreementIds });
  const extras = await loadHealthExtras(ctx.db, { on, agreementIds });
  const lateObligations = await lateObligationCounts(ctx, { on, agreementIds });
  const due = await reportsDue(ctx, { period: lastClosedPeriod(on, reportCloseDays), agreementIds });
  const unreported = new Set(due.filter((agreement) => !agreement.reported).map((agreement) => agreement.agreementId));
  const facts = agreements.map((agreement) => ({
    ...agreement,
    acknowledged: !extras.get(agreement.id)?.unacknowledged,
    lateObligations: lateObligations.get(agreement.id) ?? 0,
    reportMissing: unreported.has(agreement.id),
    lastBand: input.lastBands?.get(agreement.id) ?? null,
  }));
  return healthOfAll(facts, { on, dormantAfterMonths, warningDays: expiryWarningDays });
}
