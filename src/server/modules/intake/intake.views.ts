import type { ExtractedFields, Extraction } from './extraction/agreement-fields.rules';
import type { IntakeConflict } from './intake-match.rules';
import type { IntakeBatchRow, IntakeFileRow } from './intake.repository';
import type { IntakeFileState } from './intake.table';

export type IntakeMatchView = { agreementId: string; title: string; numberOurs: string | null };

export type IntakeFileView = {
  id: string;
  fileName: string;
  source: string | null;
  state: IntakeFileState;
  page: number | null;
  pageCount: number | null;
  error: string | null;
  fields: ExtractedFields | null;
  confidence: Extraction['confidence'];
  evidence: Extraction['evidence'];
  match: IntakeMatchView | null;
  conflicts: IntakeConflict[];
  // Matched and nothing disagrees: "accept all that agree" takes it.
  agrees: boolean;
  acceptedAgreementId: string | null;
};

export type IntakeBatchView = { id: string; createdAt: string; fileCount: number; files: IntakeFileView[] };
export type IntakeBatchSummary = { id: string; createdAt: string; fileCount: number; states: Partial<Record<IntakeFileState, number>> };

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
