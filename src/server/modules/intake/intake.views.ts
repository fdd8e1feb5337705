import type { IntakeBatchView, IntakeConflict, IntakeFileView, IntakeMatchView } from '../../../shared/intake';
import type { Extraction } from './extraction/agreement-fields.rules';
import type { IntakeBatchRow, IntakeFileRow } from './intake.repository';

export type { IntakeBatchSummary, IntakeBatchView, IntakeFileView, IntakeMatchView } from '../../../shared/intake';

export function extractionOf(row: IntakeFileRow): Extraction | null {
  return (row.extraction as Extraction | null) ?? null;
}

export function fileView(row: IntakeFileRow, input: { match: IntakeMatchView | null; conflicts: IntakeConflict[] }): IntakeFileView {
  const extraction = extractionOf(row);
  return {
    id: row.id,
    fileName: row.fileName,
    source: row.source,
    state: row.state,
    page: row.page,
    pageCount: row.pageCount,
    error: row.error,
    fields: extraction?.fields ?? null,
    confidence: extraction?.confidence ?? {},
    evidence: extraction?.evidence ?? {},
    match: input.match,
    conflicts: input.conflicts,
    agrees: row.state === 'ready' && input.match !== null && input.conflicts.length === 0,
    acceptedAgreementId: row.acceptedAgreementId,
  };
}

export function batchView(batch: IntakeBatchRow, files: IntakeFileView[]): IntakeBatchView {
  return { id: batch.id, createdAt: batch.createdAt.toISOString(), fileCount: batch.fileCount, files };
}
