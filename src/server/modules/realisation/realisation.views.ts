import type { EvidenceView, ReportAbilities, ReportSummaryView, ReportView } from '../../../shared/realisation';
import type { EvidenceRow, ReportHead } from './realisation.repository';

export function summaryOf({ report, planTitle, unitName }: ReportHead): ReportSummaryView {
  return {
    id: report.id,
    planId: report.planId,
    planTitle,
    agreementId: report.agreementId,
    unitId: report.unitId,
    unitName,
    period: report.period,
    status: report.status,
    completion: report.completion,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    verifiedAt: report.verifiedAt?.toISOString() ?? null,
    updatedAt: report.updatedAt.toISOString(),
    returnReason: report.returnReason,
  };
}

export function evidenceViewOf(row: EvidenceRow): EvidenceView {
  return { id: row.id, kind: row.kind, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256: row.sha256, createdAt: row.createdAt.toISOString() };
}

export function reportViewOf(head: ReportHead, options: { evidence: EvidenceRow[]; abilities: ReportAbilities }): ReportView {
  const { report } = head;
  return {
    ...summaryOf(head),
    summary: report.summary,
    startedOn: report.startedOn,
    endedOn: report.endedOn,
    location: report.location,
    outputs: report.outputs,
    beneficiaries: report.beneficiaries,
    funds: report.funds,
    planned: { amount: head.plannedAmount, source: head.plannedSource },
    obstaclesInternal: report.obstaclesInternal,
    obstaclesExternal: report.obstaclesExternal,
    followUp: report.followUp,
    evidence: options.evidence.map(evidenceViewOf),
    version: report.version,
    abilities: options.abilities,
  };
}
