import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { DraftType } from '../../../../shared/proposal-signing';
import type { Db } from '../../../db/client';
import { agreements } from '../../agreements/agreements.table';
import { proposalSignings } from './signing.table';
import { proposalDocuments } from '../core/proposals.table';

export type SigningRow = typeof proposalSignings.$inferSelect;
export type SignedDocumentRow = typeof proposalDocuments.$inferSelect;

export async function findSigning(db: Db, { id, lock }: { id: string; lock?: boolean }): Promise<SigningRow | undefined> {
  const query = db.select().from(proposalSignings).where(eq(proposalSignings.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findSigningOfType(db: Db, { proposalId, docType }: { proposalId: string; docType: DraftType }): Promise<SigningRow | undefined> {
  const [row] = await db.select().from(proposalSignings).where(and(eq(proposalSignings.proposalId, proposalId), eq(proposalSignings.docType, docType)));
  return row;
}

export async function listSigningsOf(db: Db, proposalId: string): Promise<SigningRow[]> {
  return db.select().from(proposalSignings).where(eq(proposalSignings.proposalId, proposalId)).orderBy(asc(proposalSignings.createdAt));
}

export async function insertSigning(db: Db, values: typeof proposalSignings.$inferInsert): Promise<SigningRow> {
  const [row] = await db.insert(proposalSignings).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

// The signed PDF registration copies: the latest version of the document's type on the proposal.
export async function latestSignedDocument(db: Db, { proposalId, docType }: { proposalId: string; docType: DraftType }): Promise<SignedDocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(proposalDocuments)
    .where(and(eq(proposalDocuments.proposalId, proposalId), eq(proposalDocuments.docType, docType)))
    .orderBy(desc(proposalDocuments.versionNo))
    .limit(1);
  return row;
}

// The agreements a proposal has put in the registry, in the order they were signed.
export async function agreementsOfProposal(db: Db, proposalId: string): Promise<{ id: string; docType: string; signingId: string }[]> {
  return db
    .select({ id: agreements.id, docType: agreements.docType, signingId: proposalSignings.id })
    .from(proposalSignings)
    .innerJoin(agreements, eq(agreements.id, proposalSignings.agreementId))
    .where(and(eq(proposalSignings.proposalId, proposalId), isNotNull(proposalSignings.agreementId)))
    .orderBy(asc(proposalSignings.registeredAt));
}

// The proposal whose signing registered this agreement, if it came through the procedure.
export async function proposalOfAgreement(db: Db, agreementId: string): Promise<string | null> {
  const [row] = await db.select({ proposalId: proposalSignings.proposalId }).from(proposalSignings).where(eq(proposalSignings.agreementId, agreementId));
  return row?.proposalId ?? null;
}
