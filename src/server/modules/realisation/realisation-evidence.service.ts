import { randomUUID } from 'node:crypto';
import { EvidenceFieldsSchema, type EvidenceView } from '../../../shared/realisation';
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../lib/context';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors';
import { openStoredBody, type StoredBody } from '../../lib/file-store';
import { checkEvidenceFile } from '../../lib/evidence-file';
import type { ReceivedUpload, UploadLimit } from '../../lib/multipart';
import { recordAudit } from '../audit/audit.service';
import { getSettings } from '../settings/settings.service';
import { canWriteReport } from './realisation.policy';
import * as repo from './realisation.repository';
import { isEditable } from './realisation.rules';
import { loadReadableReport } from './realisation.service';
import { evidenceViewOf } from './realisation.views';

const MB = 1024 * 1024;
const EVIDENCE_WHAT: [string, string] = ['Bukti', 'Evidence'];

function locked(): AppError {
  return new AppError({
    code: 'CONFLICT',
    message: 'Bukti hanya dapat diubah selama laporan berstatus draf atau dikembalikan.',
    messageEn: 'Evidence can be changed only while the report is a draft or returned.',
    field: 'status',
  });
}

// The reader may change this report's evidence now (its OPD or the division, and the report open).
async function changeableReport(ctx: ActorCtx, db: Db, reportId: string): Promise<repo.ReportRow> {
  const { report } = await loadReadableReport(ctx, { db, reportId });
  if (!canWriteReport(ctx.actor, report)) throw forbidden();
  if (!isEditable(report.status)) throw locked();
  return report;
}

// Checked before the body is read, so a refused upload costs no bandwidth.
export async function prepareEvidenceUpload(ctx: ActorCtx, input: { reportId: string }): Promise<UploadLimit> {
  await changeableReport(ctx, ctx.db, input.reportId);
  const { maxUploadMb } = await getSettings(ctx.db);
  return { limitBytes: maxUploadMb * MB, limitMb: maxUploadMb };
}

function checkedFile(upload: ReceivedUpload, limit: UploadLimit) {
  const kind = EvidenceFieldsSchema.safeParse(upload.fields);
  if (!kind.success) throw invalid('kind', { message: 'Pilih jenis bukti (berita acara, daftar hadir, foto, bukti setor, lainnya).', messageEn: 'Choose the kind of evidence.' });
  return { kind: kind.data.kind, ...checkEvidenceFile(upload.file, limit) };
}

// The file is checked before anything is stored; the row and its audit are written together, and the
// stored bytes are removed again if that transaction fails.
export async function addEvidence(ctx: ActorCtx, input: { reportId: string; upload: ReceivedUpload }): Promise<EvidenceView> {
  const report = await changeableReport(ctx, ctx.db, input.reportId);
  const { maxUploadMb } = await getSettings(ctx.db);
  const file = checkedFile(input.upload, { limitBytes: maxUploadMb * MB, limitMb: maxUploadMb });
  const id = randomUUID();
  const storageKey = `realisation/${report.id}/${id}.${file.type.extension}`;
  await ctx.files.put(storageKey, file.bytes);
  try {
    return await ctx.db.transaction(async (tx) => {
      await changeableReport(ctx, tx, report.id);
      const values = { kind: file.kind, fileName: file.fileName, mimeType: file.type.mimeType, sizeBytes: file.bytes.length, sha256: file.sha256 };
      const row = await repo.insertEvidence(tx, { ...values, id, reportId: report.id, storageKey, uploadedBy: ctx.actor.id, createdAt: ctx.now });
      await recordAudit(tx, { actor: ctx.actor, entity: 'realisation_report', entityId: report.id, action: 'add_evidence', at: ctx.now, changes: [{ field: 'evidence', old: null, new: { ...values, id } }] });
      return evidenceViewOf(row);
    });
  } catch (error) {
    await ctx.files.remove(storageKey);
    throw error;
  }
}

export async function readEvidence(ctx: ActorCtx, input: { reportId: string; evidenceId: string }): Promise<{ body: StoredBody; fileName: string; mimeType: string }> {
  await loadReadableReport(ctx, { reportId: input.reportId });
  const row = await repo.findEvidence(ctx.db, input);
  const body = row ? await openStoredBody(ctx.files, row.storageKey) : null;
  if (!row || !body) throw notFound(...EVIDENCE_WHAT);
  return { body, fileName: row.fileName, mimeType: row.mimeType };
}

// The bytes go only once the row is gone for good, so a failed delete leaves both.
export async function removeEvidence(ctx: ActorCtx, input: { reportId: string; evidenceId: string }): Promise<void> {
  const removed = await ctx.db.transaction(async (tx) => {
    await changeableReport(ctx, tx, input.reportId);
    const row = await repo.findEvidence(tx, input);
    if (!row) throw notFound(...EVIDENCE_WHAT);
    await repo.deleteEvidence(tx, row.id);
    const old = { id: row.id, kind: row.kind, fileName: row.fileName, sha256: row.sha256 };
    await recordAudit(tx, { actor: ctx.actor, entity: 'realisation_report', entityId: input.reportId, action: 'remove_evidence', at: ctx.now, changes: [{ field: 'evidence', old, new: null }] });
    return row;
  });
  await ctx.files.remove(removed.storageKey);
}
