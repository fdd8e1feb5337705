import type { PackageView, RecipientView, TrackingRow } from '../../../shared/dissemination';
import type { Ctx } from '../../lib/context';
import type { PackageProgress, RecipientProgress, TrackingProgress } from '../dissemination/dissemination.service';
import { plannedPairs } from './plans.repository';

// Dissemination says who was told, opened and acknowledged; whether each OPD told has planned
// anything for the agreement is this module's to say. Plans sits above dissemination, so it
// completes dissemination's views here rather than dissemination reading the plans.

function withPlanned(planned: Set<string>, agreementId: string, recipients: RecipientProgress[]): RecipientView[] {
  return recipients.map((recipient) => ({ ...recipient, planned: planned.has(`${agreementId}:${recipient.unitId}`) }));
}

export async function withPlanStatus(ctx: Ctx, view: PackageProgress): Promise<PackageView> {
  const planned = await plannedPairs(ctx.db, [view.agreementId]);
  return { ...view, recipients: withPlanned(planned, view.agreementId, view.recipients) };
}

export async function withPlanStatuses(ctx: Ctx, rows: TrackingProgress[]): Promise<TrackingRow[]> {
  const planned = await plannedPairs(ctx.db, [...new Set(rows.map((row) => row.agreementId))]);
  return rows.map((row) => ({ ...row, recipients: withPlanned(planned, row.agreementId, row.recipients) }));
}
