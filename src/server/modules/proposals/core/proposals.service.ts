import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CooperationKind } from '../../../../shared/agreement-codes';
import type {
  CreateProposalSchema,
  ExternalInitiator,
  ProposalFields,
  ProposalListQuery,
  ProposalListResponse,
  ProposalView,
  UpdateProposalSchema,
} from '../../../../shared/proposals';
import { CLOSED_PROPOSAL_STATES } from '../../../../shared/proposals';
import type { Db } from '../../../db/client';
import { localDate, type Actor, type ActorCtx, type Ctx } from '../../../lib/context';
import { AppError, forbidden, invalid } from '../../../lib/errors';
import { updateVersioned } from '../../../lib/versioned';
import { diffFields, recordAudit } from '../../audit/audit.service';
import { getMasterData } from '../../master/master.service';
import { loadProcedure, listProcedureStageNames } from '../../procedures/procedures.service';
import { getSettings } from '../../settings/settings.service';
import { findReview } from '../reviews/reviews.repository';
import { agreementsOfProposal } from '../signing/signing.repository';
import { loadReadableProposal, type ReadableProposal } from './proposals-access.service';
import { buildProposalView, proposalFieldsOf, toSummary } from './proposals.views';
import { checkReferences, checkTerm, trackingCodeCandidate, type ReferencedFields } from './proposals.rules';
import { canCreateProposal, canEditProposal, ownUnitOf, proposalListScopeWithReviews } from './proposals.policy';
import * as repo from './proposals.repository';
import type { TransitionActor } from '../transitions/transitions.service';
import { proposals } from './proposals.table';

type CreateData = z.output<typeof CreateProposalSchema>;
type UpdateData = z.output<typeof UpdateProposalSchema>;
export const PROPOSAL_WHAT: [string, string] = ['Usulan kerja sama', 'Proposal'];

export function closedProposal(): AppError {
  return new AppError({ code: 'CONFLICT', message: 'Usulan sudah ditutup dan tidak dapat diubah.', messageEn: 'The proposal is closed and cannot be changed.' });
}

// Codes and OPDs must exist in master data. Not for use inside a transaction (it reads in parallel).
export async function checkProposalReferences(ctx: Ctx, fields: ReferencedFields): Promise<void> {
  checkReferences(await getMasterData(ctx), fields);
}

export async function checkProposalTerm(db: Db, fields: Pick<ReferencedFields, 'jangkaWaktuBulan' | 'jangkaWaktuAlasan'>): Promise<void> {
  checkTerm((await getSettings(db)).maxTermYears, fields);
}

async function newTrackingCode(db: Db, year: string): Promise<string> {
  for (;;) {
    const code = trackingCodeCandidate(year);
    if (!(await repo.trackingCodeTaken(db, code))) return code;
  }
}

// 404 when it does not exist, 403 when it exists but is not this actor's to see.
export async function visibleProposal(ctx: ActorCtx, { id, db = ctx.db }: { id: string; db?: Db }): Promise<ReadableProposal> {
  return loadReadableProposal(ctx, { id, db });
}

// Reads in parallel: call it with the pool, not inside a transaction.
export async function proposalViewOf(db: Db, { row, actor }: { row: repo.ProposalRow; actor: Actor }): Promise<ProposalView> {
  const [procedure, documents, events, unitName, registeredAgreements, review] = await Promise.all([
    loadProcedure(db, row.kind),
    repo.listDocumentsOf(db, row.id),
    repo.listEventsOf(db, row.id),
    repo.unitName(db, row.unitId),
    agreementsOfProposal(db, row.id),
    findReview(db, { proposalId: row.id, stageCode: row.stageCode }),
  ]);
  const view = buildProposalView({ row, unitName, procedure, documents, events, registeredAgreements, actor });
  // A running TKKSD review closes its stage itself; advancing by hand is refused, so it is not offered.
  if (review?.status === 'berjalan') view.allowedActions = view.allowedActions.filter((action) => action !== 'advance');
  return view;
}

export async function getProposal(ctx: ActorCtx, id: string): Promise<ProposalView> {
  return proposalViewOf(ctx.db, { row: await visibleProposal(ctx, { id }), actor: ctx.actor });
}

export async function listProposals(ctx: ActorCtx, query: ProposalListQuery): Promise<ProposalListResponse> {
  const assignedToMe = query.assignedToMe === '1' || query.assignedToMe === 'true';
  const { rows, total } = await repo.selectProposalPage(ctx.db, { scope: proposalListScopeWithReviews(ctx.actor), query, assignedToUserId: assignedToMe ? ctx.actor.id : null });
  const stageNames = await listProcedureStageNames(ctx.db);
  const items = rows.map(({ proposal, unitName }) => toSummary(proposal, { unitName, stageName: stageNames.get(`${proposal.kind}:${proposal.stageCode}`) ?? null }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

function initiatorOf(ctx: ActorCtx, input: CreateData) {
  if (input.initiatorType === 'external') {
    const external = input.external;
    if (!external) throw invalid('external', { message: 'Data pemrakarsa luar wajib diisi.', messageEn: 'The outside initiator is required.' });
    return { initiatorType: 'external' as const, unitId: null, external };
  }
  const unitId = input.unitId ?? ownUnitOf(ctx.actor);
  if (!unitId) throw invalid('unitId', { message: 'Pilih OPD pemrakarsa.', messageEn: 'Choose the initiating unit.' });
  return { initiatorType: 'opd' as const, unitId, external: null };
}

type Initiator = { initiatorType: 'opd' | 'external'; unitId: string | null; external: ExternalInitiator | null };

// A new draft at the first stage of its kind's procedure, with its timeline entry and audit row,
// in the caller's transaction. Staff and the public form both start here.
export async function insertDraftProposal(
  db: Db,
  options: { fields: ProposalFields; initiator: Initiator; by: TransitionActor; idempotencyKey?: string; now: Date },
): Promise<repo.ProposalRow> {
  const { fields, initiator, by, now } = options;
  const first = (await loadProcedure(db, fields.kind)).stages[0];
  if (!first) throw invalid('kind', { message: 'Prosedur jenis kerja sama ini belum memiliki tahap.', messageEn: 'This kind has no procedure stages.' });
  const created = await repo.insertProposal(db, {
    ...fields,
    trackingCode: await newTrackingCode(db, localDate(now).slice(0, 4)),
    initiatorType: initiator.initiatorType,
    unitId: initiator.unitId,
    externalInstitution: initiator.external?.institution ?? null,
    externalContactName: initiator.external?.contactName ?? null,
    externalEmail: initiator.external?.email ?? null,
    externalPhone: initiator.external?.phone ?? null,
    stageCode: first.code,
    state: 'draf',
    stageEnteredAt: now,
    idempotencyKey: options.idempotencyKey ?? null,
    createdBy: by.actor?.id ?? null,
    createdAt: now,
    updatedAt: now,
  });
  const actorLabel = by.actor ? by.actor.email : by.label;
  await repo.insertEvent(db, { proposalId: created.id, at: now, action: 'create', toStage: first.code, toState: 'draf', actorId: by.actor?.id ?? null, actorLabel });
  const changes = diffFields({}, { ...proposalFieldsOf(created), trackingCode: created.trackingCode, ...(by.actor ? {} : { by: by.label }) });
  await recordAudit(db, { actor: by.actor, entity: 'proposal', entityId: created.id, action: 'create', at: now, changes });
  return created;
}

export async function createProposal(ctx: ActorCtx, input: CreateData): Promise<ProposalView> {
  const initiator = initiatorOf(ctx, input);
  if (!canCreateProposal(ctx.actor, initiator)) throw forbidden();
  await checkProposalReferences(ctx, { ...input, unitId: initiator.unitId });
  await checkProposalTerm(ctx.db, input);
  const { initiatorType: _type, unitId: _unit, external: _external, ...fields } = input;
  const row = await ctx.db.transaction((tx) => insertDraftProposal(tx, { fields, initiator, by: { actor: ctx.actor }, now: ctx.now }));
  return proposalViewOf(ctx.db, { row, actor: ctx.actor });
}

export async function updateProposal(ctx: ActorCtx, { id, ...input }: { id: string } & UpdateData): Promise<ProposalView> {
  await checkProposalReferences(ctx, input);
  const row = await ctx.db.transaction(async (tx) => {
    const before = await loadReadableProposal(ctx, { id, db: tx, lock: true });
    if (CLOSED_PROPOSAL_STATES.includes(before.state)) throw closedProposal();
    if (!canEditProposal(ctx.actor, before)) throw forbidden();
    const { version, ...patch } = input;
    const merged = { ...proposalFieldsOf(before), ...patch };
    await checkProposalTerm(tx, merged);
    const columns: Record<string, unknown> = { ...patch };
    if (patch.kind && patch.kind !== before.kind) {
      // The kind decides the procedure, so it may change only before the proposal enters it.
      if (before.state !== 'draf') throw invalid('kind', { message: 'Jenis kerja sama tidak dapat diubah setelah usulan diajukan.', messageEn: 'The kind cannot change once the proposal is submitted.' });
      columns.stageCode = (await loadProcedure(tx, patch.kind)).stages[0]?.code ?? before.stageCode;
    }
    const after = await updateVersioned({ db: tx, table: proposals, where: eq(proposals.id, id), version, patch: columns, now: ctx.now, what: PROPOSAL_WHAT });
    const changes = diffFields(proposalFieldsOf(before), patch);
    await repo.insertEvent(tx, { proposalId: id, at: ctx.now, action: 'update', details: { fields: changes.map((change) => change.field) }, actorId: ctx.actor.id, actorLabel: ctx.actor.email });
    await recordAudit(tx, { actor: ctx.actor, entity: 'proposal', entityId: id, action: 'update', at: ctx.now, changes });
    return after;
  });
  return proposalViewOf(ctx.db, { row, actor: ctx.actor });
}

// Procedures ask this before a save removes stages: an open proposal must not be left on a stage
// that no longer exists (handed to the procedures module by modules/routes.ts).
export async function countOpenProposalsOutside(db: Db, input: { kind: CooperationKind; keptCodes: string[] }): Promise<{ stageCode: string; total: number }[]> {
  return repo.countOpenProposalsOutside(db, { kind: input.kind, keptCodes: input.keptCodes });
}
