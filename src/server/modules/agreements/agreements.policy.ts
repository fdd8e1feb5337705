import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../lib/context';

// The registry is open to every signed-in role; drafts only to the division, the review team
// and the OPDs that the draft names (they prepare it with the division).
export function canReadAgreement(actor: Actor, agreement: { isDraft: boolean; unitIds: string[] }): boolean {
  if (!agreement.isDraft) return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'opd' || actor.role === 'pimpinan';
  if (actor.role === 'admin' || actor.role === 'tkksd') return true;
  return actor.role === 'opd' && actor.unitId !== null && agreement.unitIds.includes(actor.unitId);
}

// The same rule as SQL over a query that has the agreements table as `agreements`.
export function readableAgreementsFilter(actor: Actor): SQL {
  if (actor.role === 'admin' || actor.role === 'tkksd') return sql`true`;
  if (actor.role === 'opd' && actor.unitId) {
    return sql`(agreements.is_draft = false OR EXISTS (SELECT 1 FROM agreement_units au WHERE au.agreement_id = agreements.id AND au.unit_id = ${actor.unitId}))`;
  }
  return sql`agreements.is_draft = false`;
}

// Only the Cooperation Division writes the registry.
export function canCreateAgreement(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function canEditAgreement(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function canEndAgreement(actor: Actor): boolean {
  return actor.role === 'admin';
}

// The history is part of the record: whoever may read the agreement may read how it changed.
export function canReadAgreementAudit(actor: Actor, agreement: { isDraft: boolean; unitIds: string[] }): boolean {
  return canReadAgreement(actor, agreement);
}
