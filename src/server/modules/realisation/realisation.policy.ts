import type { ReportAbilities, ReportStatus } from '../../../shared/realisation';
import type { Actor } from '../../lib/context';
import { planReadScope } from '../plans/plans.policy';
import { isEditable } from './realisation.rules';

// The OPD of a plan reports its realisation; the division (admin) verifies or returns a report and
// may also write one; the review team and the pimpinan read all and write nothing; another OPD
// reads nothing of it.

export type ReportScope = ReturnType<typeof planReadScope>;

// A report is read by whoever reads its plan.
export function reportReadScope(actor: Actor): ReportScope {
  return planReadScope(actor);
}

// The reports page: the division's queue, or an OPD's own reports.
export function canReadReports(actor: Actor): boolean {
  return reportReadScope(actor).kind !== 'none';
}

export function canReadReportsOf(actor: Actor, plan: { unitId: string }): boolean {
  const scope = reportReadScope(actor);
  return scope.kind === 'all' || (scope.kind === 'unit' && scope.unitId === plan.unitId);
}

// Writes reports at all (for some plan): what the web offers a form for.
export function canWriteReports(actor: Actor): boolean {
  return actor.role === 'admin' || (actor.role === 'opd' && actor.unitId !== null);
}

// Writing covers drafting, changing, submitting and the evidence of a report.
export function canWriteReport(actor: Actor, plan: { unitId: string }): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'opd' && actor.unitId !== null && actor.unitId === plan.unitId;
}

export function canVerifyReports(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function reportAbilities(actor: Actor, report: { unitId: string; status: ReportStatus }): ReportAbilities {
  const mayChange = canWriteReport(actor, report) && isEditable(report.status);
  return { canEdit: mayChange, canSubmit: mayChange, canVerify: canVerifyReports(actor) && report.status === 'submitted', canUploadEvidence: mayChange };
}
