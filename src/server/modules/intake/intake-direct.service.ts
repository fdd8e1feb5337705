import type { Ctx } from '../../lib/context';
import { UPLOAD_SOURCE, type IntakeUpload } from '../../lib/intake-files';
import { loadAgreementViews } from '../agreements/agreements.service';
import type { OcrRunner } from '../documents/ocr-jobs.service';
import type { ExtractedFields, Extraction } from './extraction/agreement-fields.rules';
import { acceptAgreeingFiles } from './intake-accept.service';
import { findConflicts, type IntakeConflict } from './intake-match.rules';
import { matchScan, readIntakeFileNow, readScan } from './intake-read.service';
import { candidatesOf, createIntakeBatch, getIntakeBatch, pageProblem } from './intake.service';
import type { IntakeBatchView, IntakeMatchView } from './intake.views';

// Bulk intake from the command line (`npm run jalin -- intake DIR`): the same reading and matching
// as the app's, run at once instead of by the workers.

export type DirectIntakeFile = {
  fileName: string;
  source: string | null;
  error: string | null;
  pages: number | null;
  isOcr: boolean;
  fields: ExtractedFields | null;
  confidence: Extraction['confidence'];
  match: IntakeMatchView | null;
  conflicts: IntakeConflict[];
  agrees: boolean;
};

async function matchedView(ctx: Ctx, fields: ExtractedFields): Promise<{ match: IntakeMatchView | null; conflicts: IntakeConflict[] }> {
  const found = await matchScan(ctx.db, fields);
  const [agreement] = found ? await loadAgreementViews(ctx, [found.id]) : [];
  if (!agreement) return { match: null, conflicts: [] };
  const register = { ...agreement, partnerNames: agreement.partners.map((partner) => partner.name) };
  return { match: { agreementId: agreement.id, title: agreement.title, numberOurs: agreement.numberOurs }, conflicts: findConflicts(register, fields) };
}

// --dry-run: every file read and matched, nothing stored.
export async function previewIntakeFiles(ctx: Ctx, input: { uploads: IntakeUpload[]; ocr?: OcrRunner }): Promise<DirectIntakeFile[]> {
  const candidates = await candidatesOf(ctx, input.uploads);
  const results: DirectIntakeFile[] = [];
  for (const candidate of candidates) {
    const base = { fileName: candidate.name, source: candidate.source === UPLOAD_SOURCE ? null : candidate.source };
    const empty = { pages: null, isOcr: false, fields: null, confidence: {}, match: null, conflicts: [], agrees: false };
    if ('error' in candidate) {
      results.push({ ...base, ...empty, error: `${candidate.error.message} / ${candidate.error.messageEn}` });
      continue;
    }
    const problem = await pageProblem(candidate.bytes);
    if (problem.error) {
      results.push({ ...base, ...empty, pages: problem.pageCount, error: problem.error });
      continue;
    }
    const reading = await readScan(candidate.bytes, input.ocr ? { ocr: input.ocr } : {});
    const { fields, confidence } = reading.extraction;
    const { match, conflicts } = await matchedView(ctx, fields);
    results.push({ ...base, error: null, pages: reading.pageCount, isOcr: reading.ocrPdf !== null, fields, confidence, match, conflicts, agrees: match !== null && conflicts.length === 0 });
  }
  return results;
}

// Without --dry-run: a batch as the app makes one, read now; the agreeing matched scans are attached,
// the rest stay in the batch for a person to review in the app.
export async function runIntakeBatch(ctx: Ctx, input: { uploads: IntakeUpload[]; ocr?: OcrRunner }): Promise<{ batch: IntakeBatchView; accepted: number }> {
  const created = await createIntakeBatch(ctx, { uploads: input.uploads });
  const deps = { db: ctx.db, files: ctx.files, clock: () => ctx.now, ...(input.ocr ? { ocr: input.ocr } : {}) };
  for (const file of created.files) if (file.state === 'queued') await readIntakeFileNow(deps, file.id);
  const { accepted } = await acceptAgreeingFiles(ctx, { batchId: created.id });
  return { batch: await getIntakeBatch(ctx, { batchId: created.id }), accepted };
}
