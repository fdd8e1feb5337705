import type { AgreementHealth, HealthReason } from '../../../shared/agreement-health';
import type { EvaluationBand } from '../../../shared/evaluation';
import { daysBetween, inForce, ownDormancy, type MonitoredAgreement } from './monitoring.rules';

// One agreement's health as of a date, from facts the services gather (decision record 0016). Pure:
// no database, no clock.

export type HealthFacts = MonitoredAgreement & {
  // Every OPD told of the published package has acknowledged it (false when none was published).
  acknowledged: boolean;
  // A report was owed for the last closed monitoring period and none was submitted.
  reportMissing: boolean;
  // Obligations still open whose due date has passed.
  lateObligations: number;
  lastBand: EvaluationBand | null;
  // Set by the caller when a KB or NK lives through a PKS under it (monitoring.rules dormantOf).
  livesThroughPks?: boolean;
};

export type HealthRule = { on: string; warningDays: number; dormantAfterMonths: number };

// Bands that call for repair or an end (the evaluation's recommendation: perbaikan, diakhiri).
const WEAK_BANDS: ReadonlySet<EvaluationBand> = new Set(['kurang', 'dorman']);

function reasonsOf(facts: HealthFacts, rule: HealthRule): HealthReason[] {
  const dormancy = facts.livesThroughPks ? null : ownDormancy(facts, { on: rule.on, months: rule.dormantAfterMonths });
  const year = Number(rule.on.slice(0, 4));
  const hasPlan = facts.planYears.some((planYear) => planYear === year || planYear === year - 1);
  const daysLeft = facts.endsOn ? daysBetween(rule.on, facts.endsOn) : null;
  const checks: [HealthReason, boolean][] = [
    ['dormant', dormancy !== null],
    ['not_disseminated', !facts.disseminated],
    ['not_acknowledged', facts.disseminated && !facts.acknowledged],
    // An adendum is judged with the document it amends; a KB may live through its PKS's plans.
    ['no_plan', facts.docType !== 'ADENDUM' && !facts.livesThroughPks && !hasPlan],
    ['no_report', facts.reportMissing],
    ['late_obligations', facts.lateObligations > 0],
    ['weak_evaluation', facts.lastBand !== null && WEAK_BANDS.has(facts.lastBand)],
    ['ending_soon', daysLeft !== null && daysLeft >= 0 && daysLeft <= rule.warningDays],
  ];
  return checks.filter(([, holds]) => holds).map(([reason]) => reason);
}

// Null for an agreement not in force on `on` (a draft, ended, not yet signed): health is about
// cooperation that should be running.
export function healthOf(facts: HealthFacts, rule: HealthRule): AgreementHealth | null {
  if (!inForce(facts, rule.on)) return null;
  const reasons = reasonsOf(facts, rule);
  const status = reasons.includes('dormant') ? 'dorman' : reasons.length > 0 ? 'perlu_perhatian' : 'sehat';
  return { status, reasons, lastBand: facts.lastBand, on: rule.on };
}

// The health of several agreements at once, a KB or NK living through a PKS under it that is in
// force and not dormant itself (the rule of monitoring.rules dormantOf). Keyed by agreement id;
// agreements not in force are left out.
export function healthOfAll(all: HealthFacts[], rule: HealthRule): Map<string, AgreementHealth> {
  const months = { on: rule.on, months: rule.dormantAfterMonths };
  const livingParents = new Set(all.filter((facts) => facts.docType === 'PKS' && facts.parentId && inForce(facts, rule.on) && ownDormancy(facts, months) === null).map((facts) => facts.parentId));
  const health = new Map<string, AgreementHealth>();
  for (const facts of all) {
    const livesThroughPks = (facts.docType === 'KB' || facts.docType === 'NK') && livingParents.has(facts.id);
    const result = healthOf({ ...facts, livesThroughPks }, rule);
    if (result) health.set(facts.id, result);
  }
  return health;
}
