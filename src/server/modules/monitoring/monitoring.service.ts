import { isoDate } from '../../../shared/input';
import type { MonitorReport } from '../../../shared/monitoring';
import { localDate, type Ctx } from '../../lib/context';
import { invalid } from '../../lib/errors';
import { lastVerifiedOnByAgreement, reportsDue } from '../realisation/realisation.service';
import { lastClosedPeriod } from '../realisation/realisation.rules';
import { getSettings } from '../settings/settings.service';
import { loadAgreementsInForce } from './monitoring.repository';
import { dormantOf, expiringOf, type MonitoredAgreement } from './monitoring.rules';

export function checkMonitorDate(on: string): void {
  if (!isoDate.safeParse(on).success) {
    throw invalid('on', { message: `Tanggal "${on}" tidak valid; tulis sebagai YYYY-MM-DD.`, messageEn: `"${on}" is not a valid date; write it as YYYY-MM-DD.` });
  }
}

// The agreements in force on `on` with their plans, packages and latest verified report. The latest
// verification counts; `on` moves the calendar, so one verified after `on` is ignored.
// `agreementIds`: only these (a refresh of the agreements whose facts changed); all when absent.
export async function monitoredAgreements(ctx: Pick<Ctx, 'db'>, input: { on: string; agreementIds?: string[] | undefined }): Promise<MonitoredAgreement[]> {
  const verified = await lastVerifiedOnByAgreement(ctx, input.agreementIds ? { agreementIds: input.agreementIds } : {});
  const agreements = await loadAgreementsInForce(ctx.db, { on: input.on, sinceYear: Number(input.on.slice(0, 4)) - 1, agreementIds: input.agreementIds });
  return agreements.map((agreement) => {
    const lastVerified = verified.get(agreement.id);
    return { ...agreement, verifiedReportDates: lastVerified ? [lastVerified] : [] };
  });
}

// The register's health as of a date. No route serves it yet: the command line (schedulers,
// checks) runs it as the system, so it takes no actor; a route will add its policy.
export async function monitorAsOf(ctx: Pick<Ctx, 'db' | 'now'>, input: { on?: string | undefined } = {}): Promise<MonitorReport> {
  const on = input.on ?? localDate(ctx.now);
  checkMonitorDate(on);
  const { expiryWarningDays, dormantAfterMonths, reportCloseDays } = await getSettings(ctx.db);
  const agreements = await monitoredAgreements(ctx, { on });
  // "Reported" is its own fact: an agreement with activity plans owes a report on each of them for
  // the last period whose window has closed.
  const due = await reportsDue(ctx, { period: lastClosedPeriod(on, reportCloseDays) });
  return {
    on,
    expiring: expiringOf(agreements, { on, warningDays: expiryWarningDays }),
    dormant: dormantOf(agreements, { on, months: dormantAfterMonths }),
    reportsOverdue: due.filter((agreement) => !agreement.reported).length,
  };
}
