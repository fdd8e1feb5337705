import type { Actor } from '../../lib/context';

// Every signed-in role reads the evaluation form: the OPD, the TKKSD and the division fill it, and
// leadership reads what the scores mean.
export function canReadEvaluationForm(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'opd' || actor.role === 'pimpinan';
}

// The division keeps the indicator set, as it keeps the other master data.
export function canReviseEvaluationForm(actor: Actor): boolean {
  return actor.role === 'admin';
}
