import type { Actor } from '../../lib/context';

// An OPD plans (and records beneficiaries) for itself only; the division may record for any OPD.
export function canWritePlan(actor: Actor, unitId: string): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'opd' && actor.unitId !== null && actor.unitId === unitId;
}

// An OPD liaison records plans and beneficiaries for its own OPD and never names another;
// the division names the OPD each record is for.
export function recordsForOwnUnitOnly(actor: Actor): boolean {
  return actor.role === 'opd';
}

// Which plans a reader sees: all of them, or its own OPD's.
export function planReadScope(actor: Actor): { kind: 'all' } | { kind: 'unit'; unitId: string } | { kind: 'none' } {
  switch (actor.role) {
    case 'admin':
    case 'tkksd':
    case 'pimpinan':
      return { kind: 'all' };
    case 'opd':
      return actor.unitId ? { kind: 'unit', unitId: actor.unitId } : { kind: 'none' };
  }
}

// Every OPD's plans in one list: the division's and leadership's view.
export function canReadAllPlans(actor: Actor): boolean {
  return planReadScope(actor).kind === 'all';
}

export function canReadPlansOf(actor: Actor, unitId: string): boolean {
  const scope = planReadScope(actor);
  return scope.kind === 'all' || (scope.kind === 'unit' && scope.unitId === unitId);
}

// The OPD inbox: what its own OPD must act on.
export function canReadInbox(actor: Actor): boolean {
  return actor.role === 'opd' && actor.unitId !== null;
}

// The gap dashboard is the division's and leadership's view.
export function canReadGap(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'pimpinan';
}
