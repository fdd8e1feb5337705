import type { Actor } from '../../lib/context';
import { canSeeAgreement } from '../search/search.policy';

// Only the Cooperation Division keeps the registry's files.
export function canUploadDocument(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function canDeleteDocument(actor: Actor): boolean {
  return actor.role === 'admin';
}

// Whoever may see an agreement may read its files.
export function canReadDocuments(actor: Actor, agreement: { isDraft: boolean; unitIds: string[] }): boolean {
  return canSeeAgreement(actor, agreement);
}
