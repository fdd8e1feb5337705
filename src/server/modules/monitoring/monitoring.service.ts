import { isoDate } from '../../../shared/input';
import type { MonitorReport } from '../../../shared/monitoring';
import { localDate, type Ctx } from '../../lib/context';
import { invalid } from '../../lib/errors';
import { getSettings } from '../settings/settings.service';
import { loadAgreementsInForce } from './monitoring.repository';
import { dormantOf, expiringOf } from './monitoring.rules';

// The register's health as of a date. No route serves it yet: the command line (schedulers,
// checks) runs it as the system, so it takes no actor; a route will add its policy.
export async function monitorAsOf(ctx: Pick<Ctx, 'db' | 'now'>, input: { on?: string | undefined } = {}): Promise<MonitorReport> {
  const on = input.on ?? localDate(ctx.now);
  if (!isoDate.safeParse(on).success) {
    throw invalid('on', { message: `Tanggal "${on}" tidak valid; tulis sebagai YYYY-MM-DD.`, messageEn: `"${on}" is not a valid date; write it as YYYY-MM-DD.` });
  }
  const { expiryWarningDays, dormantAfterMonths } = await getSettings(ctx.db);
  const agreements = await loadAgreementsInForce(ctx.db, { on, sinceYear: Number(on.slice(0, 4)) - 1 });
  return {
    on,
    expiring: expiringOf(agreements, { on, warningDays: expiryWarningDays }),
    dormant: dormantOf(agreements, { on, months: dormantAfterMonths }),
    // Realisation reports per monitoring period do not exist yet, so none can be overdue.
    reportsOverdue: 0,
  };
}
