import type { Actor } from '../../lib/context';
import { canFollowAgreement } from '../agreements/agreements.policy';
import type { EvaluationRespondent } from '../../../shared/evaluation';

// Every signed-in role reads the evaluation form: the OPD, the TKKSD and the division fill it, and
// leadership reads what the scores mean.
export function canReadEvaluationForm(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'opd' || actor.role === 'pimpinan';
}

// The division keeps the indicator set, as it keeps the other master data.
export function canReviseEvaluationForm(actor: Actor): boolean {
  return actor.role === 'admin';
}

// The division opens, closes and reopens evaluations.
export function canManageEvaluations(actor: Actor): boolean {
  return actor.role === 'admin';
}

// The division, the TKKSD and leadership read every agreement's evaluations; an OPD those of the
// agreements it takes part in.
export function canReadEvaluations(actor: Actor, agreement: { unitIds: string[] }): boolean {
  return canFollowAgreement(actor, agreement);
}

// As whom the actor answers: the lead OPD assesses itself, the TKKSD reviews, the division gives the
// final verification; leadership reads and writes nothing. (The partner answers through its link.)
export function respondentOf(actor: Actor, agreement: { leadUnitId: string | null }): EvaluationRespondent | null {
  switch (actor.role) {
    case 'admin':
      return 'admin';
    case 'tkksd':
      return 'tkksd';
    case 'opd':
      return actor.unitId !== null && actor.unitId === agreement.leadUnitId ? 'opd' : null;
    case 'pimpinan':
      return null;
  }
}

// The division sends, resends and revokes the partner's private link, as it opens evaluations; it
// alone sees to whom the link went.
export function canManagePartnerLink(actor: Actor): boolean {
  return actor.role === 'admin';
}
