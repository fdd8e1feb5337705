import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CooperationKind } from '../../../shared/agreement-codes';
import {
  PROCEDURE_DOC_TYPE_LABELS,
  PROCEDURE_DOC_TYPES,
  type ProcedureDocType,
  type ProcedureGuide,
  type ProcedureGuideResponse,
  type ProcedureStage,
  type ProcedureView,
  type SystemStageUse,
  systemStageUse,
  type UpdateProcedureSchema,
} from '../../../shared/procedures';
import type { Db } from '../../db/client';
import type { ActorCtx, Ctx } from '../../lib/context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { updateVersioned } from '../../lib/versioned';
import { diffFields, recordAudit } from '../audit/audit.service';
import { canEditProcedures, canReadProcedures } from './procedures.policy';
import { replaceStages, selectProcedures, selectStageNames } from './procedures.repository';
import { procedures } from './procedures.table';
export { proceduresRevisionSql } from './procedures-revision.repository';

export type UpdateProcedureData = z.output<typeof UpdateProcedureSchema>;

// Open proposals of a kind whose stage is not among the kept codes, counted per stage. Proposals sit
// above procedures, so the proposals module answers this and the composition root
// (modules/routes.ts) hands the answer in: procedures import nothing from proposals.
export type OpenProposalsOutside = (db: Db, input: { kind: CooperationKind; keptCodes: string[] }) => Promise<{ stageCode: string; total: number }[]>;
export type ProcedureEditCtx = ActorCtx & { openProposalsOutside: OpenProposalsOutside };

// Other modules (proposals) read a kind's procedure through this; a transaction is a Db too.
export async function loadProcedure(db: Db, kind: CooperationKind): Promise<ProcedureView> {
  const [procedure] = await selectProcedures(db, kind);
  if (!procedure) throw notFound(`Prosedur ${kind}`, `Procedure ${kind}`);
  return procedure;
}

// "kind:code" → stage name, for lists that show where each proposal stands.
export async function listProcedureStageNames(db: Db): Promise<Map<string, string>> {
  return selectStageNames(db);
}

async function assertNoProposalStranded(db: Db, ctx: ProcedureEditCtx, input: { kind: CooperationKind; keptCodes: string[] }): Promise<void> {
  const stranded = await ctx.openProposalsOutside(db, input);
  if (stranded.length === 0) return;
  const list = stranded.map((row) => `${row.stageCode} (${row.total})`).join(', ');
  throw new AppError({
    code: 'CONFLICT',
    message: `Tahap berikut masih dipakai usulan yang sedang berjalan dan tidak dapat dihapus: ${list}.`,
    messageEn: `These stages still hold proposals under way and cannot be removed: ${list}.`,
    field: 'stages',
    details: { stranded },
  });
}

function systemUseWords(use: SystemStageUse): { id: string; en: string } {
  switch (use) {
    case 'tkksd_review':
      return { id: 'tinjauan TKKSD', en: 'the TKKSD review' };
    case 'signing':
      return { id: 'penyusunan dan penandatanganan naskah', en: 'drafting and signing' };
  }
}

// Reviews and signing find their stages by code: a renamed or removed code would switch them off
// without a word, so the save is refused whole (names, days and documents stay free to change).
function assertSystemStagesKept(kind: CooperationKind, before: ProcedureStage[], after: ProcedureStage[]): void {
  const keptCodes = new Set(after.map((stage) => stage.code));
  const lost = before.flatMap((stage) => {
    const use = systemStageUse(kind, stage.code);
    return use && !keptCodes.has(stage.code) ? [{ stage, words: systemUseWords(use) }] : [];
  });
  if (lost.length === 0) return;
  const message = lost.map(({ stage, words }) => `tahap "${stage.name}" (${stage.code}) dipakai untuk ${words.id}`).join('; ');
  const messageEn = lost.map(({ stage, words }) => `the stage "${stage.name}" (${stage.code}) is used for ${words.en}`).join('; ');
  throw new AppError({
    code: 'VALIDATION',
    message: `Kode tahap tidak dapat diubah atau dihapus: ${message}.`,
    messageEn: `A stage code cannot be renamed or removed: ${messageEn}.`,
    field: 'stages',
    issues: [{ path: 'stages', message: `Kode tahap tidak dapat diubah atau dihapus: ${message}.` }],
    details: { reason: 'system_stage', stageCodes: lost.map(({ stage }) => stage.code) },
  });
}

export async function listProcedures(ctx: ActorCtx): Promise<ProcedureView[]> {
  if (!canReadProcedures(ctx.actor)) throw forbidden();
  return selectProcedures(ctx.db);
}

export async function readProcedure(ctx: ActorCtx, kind: CooperationKind): Promise<ProcedureView> {
  if (!canReadProcedures(ctx.actor)) throw forbidden();
  return loadProcedure(ctx.db, kind);
}

export async function updateProcedure(ctx: ProcedureEditCtx, { kind, ...input }: UpdateProcedureData & { kind: CooperationKind }): Promise<ProcedureView> {
  if (!canEditProcedures(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const before = await loadProcedure(tx, kind);
    assertSystemStagesKept(kind, before.stages, input.stages);
    const patch = { name: input.name, description: input.description ?? null };
    await updateVersioned({ db: tx, table: procedures, where: eq(procedures.kind, kind), version: input.version, patch, now: ctx.now, what: ['Prosedur', 'Procedure'] });
    await assertNoProposalStranded(tx, ctx, { kind, keptCodes: input.stages.map((stage) => stage.code) });
    await replaceStages(tx, { kind, stages: input.stages });
    const after = await loadProcedure(tx, kind);
    const changes = diffFields(
      { name: before.name, description: before.description, stages: before.stages },
      { name: after.name, description: after.description, stages: after.stages },
    );
    await recordAudit(tx, { actor: ctx.actor, entity: 'procedure', entityId: kind, action: 'update', at: ctx.now, changes });
    return after;
  });
}

const documentNames = (types: ProcedureDocType[]) => types.map((type) => ({ type, name: PROCEDURE_DOC_TYPE_LABELS[type].id }));

function toGuide(procedure: ProcedureView): ProcedureGuide {
  return {
    kind: procedure.kind,
    name: procedure.name,
    description: procedure.description,
    // Conditional stages are not counted: most proposals never pass them.
    totalTargetDays: procedure.stages.filter((stage) => !stage.isDprdApproval).reduce((sum, stage) => sum + stage.targetDays, 0),
    stages: procedure.stages.map((stage, position) => ({
      position,
      code: stage.code,
      name: stage.name,
      description: stage.description ?? null,
      targetDays: stage.targetDays,
      isDprdApproval: stage.isDprdApproval,
      documents: { opd: documentNames(stage.requiredDocTypes.opd), external: documentNames(stage.requiredDocTypes.external) },
    })),
  };
}

// "Alur dan tata cara" for anyone, generated from the same rows the workflow runs on.
export async function readProcedureGuide(ctx: Ctx): Promise<ProcedureGuideResponse> {
  const all = await selectProcedures(ctx.db);
  return {
    procedures: all.map(toGuide),
    documentTypes: PROCEDURE_DOC_TYPES.map((type) => ({ type, name: PROCEDURE_DOC_TYPE_LABELS[type].id, nameEn: PROCEDURE_DOC_TYPE_LABELS[type].en })),
  };
}
