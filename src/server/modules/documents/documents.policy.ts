import type { Actor } from '../../lib/context';
import { canReadAgreement } from '../agreements/agreements.policy';

// Only the Cooperation Division keeps the registry's files.
export function canUploadDocument(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function canDeleteDocument(actor: Actor): boolean {
  return actor.role === 'admin';
}

// Whoever may read an agreement may read its files.
export function canReadDocuments(actor: Actor, agreement: { isDraft: boolean; unitIds: string[] }): boolean {
  return canReadAgreement(actor, agreement);
}
