import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../lib/context';

// Which drafts an actor may read: the division and the review team all of them; an OPD liaison
// those its own OPD is linked to (they prepare the draft with the division); leadership none, it
// sees signed agreements only. One rule, in a form both a single check and a list query can use.
export type DraftVisibility = { kind: 'all' } | { kind: 'none' } | { kind: 'unit'; unitId: string };

export function draftVisibility(actor: Actor): DraftVisibility {
  switch (actor.role) {
    case 'admin':
    case 'tkksd':
      return { kind: 'all' };
    case 'opd':
      return actor.unitId ? { kind: 'unit', unitId: actor.unitId } : { kind: 'none' };
    case 'pimpinan':
      return { kind: 'none' };
  }
}

// The registry is open to every signed-in role; drafts as draftVisibility says.
export function canReadAgreement(actor: Actor, agreement: { isDraft: boolean; unitIds: string[] }): boolean {
  const isSignedInRole = actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'opd' || actor.role === 'pimpinan';
  if (!isSignedInRole) return false;
  if (!agreement.isDraft) return true;
  const visibility = draftVisibility(actor);
  return visibility.kind === 'all' || (visibility.kind === 'unit' && agreement.unitIds.includes(visibility.unitId));
}

// The same rule as SQL over a query that has the agreements table as `agreements`.
export function readableAgreementsFilter(actor: Actor): SQL {
  const visibility = draftVisibility(actor);
  switch (visibility.kind) {
    case 'all':
      return sql`true`;
    case 'unit':
      return sql`(agreements.is_draft = false OR EXISTS (SELECT 1 FROM agreement_units au WHERE au.agreement_id = agreements.id AND au.unit_id = ${visibility.unitId}))`;
    case 'none':
      return sql`agreements.is_draft = false`;
  }
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

// Numbers that name one agreement twice are renumbered by the division. A null actor is the command
// line (`npm run jalin -- duplicates`), run by whoever holds the server's shell.
export function canListNumberDuplicates(actor: Actor | null): boolean {
  return actor === null || canEditAgreement(actor);
}

// The history is part of the record: whoever may read the agreement may read how it changed.
export function canReadAgreementAudit(actor: Actor, agreement: { isDraft: boolean; unitIds: string[] }): boolean {
  return canReadAgreement(actor, agreement);
}

// Who follows an agreement's implementation (its obligations, evaluations …): the division, the
// TKKSD and leadership every agreement's; an OPD liaison those of the agreements its OPD takes part in.
export function canFollowAgreement(actor: Actor, agreement: { unitIds: string[] }): boolean {
  switch (actor.role) {
    case 'admin':
    case 'tkksd':
    case 'pimpinan':
      return true;
    case 'opd':
      return actor.unitId !== null && agreement.unitIds.includes(actor.unitId);
  }
}
