import type { PackageState } from '../../../shared/dissemination';
import type { Actor } from '../../lib/context';

// The division and the review team prepare a package; only the division's admin publishes it.
export function canPreparePackage(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd';
}

export function canPublishPackage(actor: Actor): boolean {
  return actor.role === 'admin';
}

// Four eyes: while the setting is on, a publication requested by one admin is approved (or sent
// back) by a second person, another admin or the review team, never by the one who asked.
export function canApprovePublication(actor: Actor, request: { requestedBy: string | null }): boolean {
  return (actor.role === 'admin' || actor.role === 'tkksd') && request.requestedBy !== null && request.requestedBy !== actor.id;
}

// Who is told a publication waits for approval: everyone who could approve it.
export const PUBLICATION_APPROVER_ROLES = ['admin', 'tkksd'] as const;

// An OPD sees a package once it is published (the same text the public reads, plus its tasks);
// drafts stay inside the division, the review team and leadership.
export function canReadPackage(actor: Actor, pkg: { status: PackageState }): boolean {
  switch (actor.role) {
    case 'admin':
    case 'tkksd':
    case 'pimpinan':
      return true;
    case 'opd':
      return pkg.status === 'published';
  }
}

// An OPD refused a package is told there is none: it does not learn that a draft exists. The
// division, the review team and leadership are told they may not.
export function hidesRefusedPackage(actor: Actor): boolean {
  return actor.role === 'opd';
}

// Whose first opening of a published package is recorded: an OPD liaison's, for its own OPD.
export function openingRecordedFor(actor: Actor): string | null {
  return actor.role === 'opd' ? actor.unitId : null;
}

// Only an OPD told to act acknowledges, and only for itself.
export function canAcknowledgePackage(actor: Actor, pkg: { status: PackageState; recipientUnitIds: string[] }): boolean {
  return actor.role === 'opd' && pkg.status === 'published' && actor.unitId !== null && pkg.recipientUnitIds.includes(actor.unitId);
}

// Who was sent what, opened and acknowledged: the division's follow-up view.
export function canReadTracking(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'pimpinan';
}

export function canRecordEvent(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd';
}

// A sosialisasi is an open meeting: every signed-in role may read its record.
export function canReadEvents(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'pimpinan' || actor.role === 'opd';
}
