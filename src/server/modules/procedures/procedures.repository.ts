import { asc, eq } from 'drizzle-orm';
import type { CooperationKind } from '../../../shared/agreement-codes';
import type { ProcedureStage, ProcedureView } from '../../../shared/procedures';
import type { Db } from '../../db/client';
import { procedureStages, procedures } from './procedures.table';

type StageRow = typeof procedureStages.$inferSelect;

function toStage(row: StageRow): ProcedureStage {
  return {
    code: row.code,
    name: row.name,
    description: row.description,
    requiredDocTypes: { opd: row.requiredDocsOpd, external: row.requiredDocsExternal },
    targetDays: row.targetDays,
    isDprdApproval: row.isDprdApproval,
  };
}

// Every procedure with its stages in order; one kind when asked.
export async function selectProcedures(db: Db, kind?: CooperationKind): Promise<ProcedureView[]> {
  // One after the other: inside a transaction both run on the same connection.
  const heads = await db.select().from(procedures).where(kind ? eq(procedures.kind, kind) : undefined).orderBy(asc(procedures.kind));
  const stages = await db.select().from(procedureStages).where(kind ? eq(procedureStages.kind, kind) : undefined).orderBy(asc(procedureStages.position));
  return heads.map((head) => ({
    kind: head.kind,
    name: head.name,
    description: head.description,
    stages: stages.filter((stage) => stage.kind === head.kind).map(toStage),
    version: head.version,
    updatedAt: head.updatedAt.toISOString(),
  }));
}

// The list is replaced whole: positions follow the order the editor sent.
export async function replaceStages(db: Db, { kind, stages }: { kind: CooperationKind; stages: ProcedureStage[] }): Promise<void> {
  await db.delete(procedureStages).where(eq(procedureStages.kind, kind));
  await db.insert(procedureStages).values(
    stages.map((stage, position) => ({
      kind,
      position,
      code: stage.code,
      name: stage.name,
      description: stage.description ?? null,
      requiredDocsOpd: stage.requiredDocTypes.opd,
      requiredDocsExternal: stage.requiredDocTypes.external,
      targetDays: stage.targetDays,
      isDprdApproval: stage.isDprdApproval,
    })),
  );
}

export async function selectStageNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ kind: procedureStages.kind, code: procedureStages.code, name: procedureStages.name }).from(procedureStages);
  return new Map(rows.map((row) => [`${row.kind}:${row.code}`, row.name]));
}
