import { randomUUID } from 'node:crypto';
import { RecordOccurrenceFieldsSchema, ReopenOccurrenceSchema, type ObligationView, type RecordOccurrenceFields, type ReopenOccurrenceInput } from '../../../shared/obligations';
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../lib/context';
import { checkEvidenceFile } from '../../lib/evidence-file';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors';
import { openStoredBody, type StoredBody } from '../../lib/file-store';
import type { ReceivedUpload, UploadLimit } from '../../lib/multipart';
import { parseInput } from '../agreements/agreements.rules';
import { recordAudit } from '../audit/audit.service';
import { getSettings } from '../settings/settings.service';
import * as repo from './obligation-occurrences.repository';
import { findObligation, findObligationForUpdate, type ObligationRow } from './obligations.repository';
import { canMarkOccurrenceMet, canReadObligations, canReopenOccurrence, canWaiveOccurrence } from './obligations.policy';
import { occurrenceDates } from './obligations.rules';
import { agreementUnits, presentObligations, type AgreementUnits } from './obligations.service';

const MB = 1024 * 1024;
const WHAT: [string, string] = ['Kewajiban', 'Obligation'];

function conflict(message: string, messageEn: string, field: string): AppError {
  return new AppError({ code: 'CONFLICT', message, messageEn, field });
}

async function loadObligation(ctx: ActorCtx, db: Db, id: string, forUpdate = false): Promise<{ obligation: ObligationRow; units: AgreementUnits }> {
  const obligation = forUpdate ? await findObligationForUpdate(db, id) : await findObligation(db, id);
  if (!obligation) throw notFound(...WHAT);
  const units = await agreementUnits(ctx, db, obligation.agreementId);
  if (!canReadObligations(ctx.actor, units)) throw forbidden();
  return { obligation, units };
}

// Anyone who may mark or waive some occurrence of it; which one is checked with the fields.
export async function prepareOccurrenceUpload(ctx: ActorCtx, input: { obligationId: string }): Promise<UploadLimit> {
  const { obligation, units } = await loadObligation(ctx, ctx.db, input.obligationId);
  const facts = { party: obligation.party, unitId: obligation.unitId, leadUnitIds: units.leadUnitIds };
  if (!canMarkOccurrenceMet(ctx.actor, facts) && !canWaiveOccurrence(ctx.actor)) throw forbidden();
  const { maxUploadMb } = await getSettings(ctx.db);
  return { limitBytes: maxUploadMb * MB, limitMb: maxUploadMb };
}

// The occurrence named must be one the obligation's schedule generates.
async function checkDue(db: Db, obligation: ObligationRow, dueOn: string | null): Promise<void> {
  const endsOn = await repo.endOfAgreement(db, obligation.agreementId);
  const dates = occurrenceDates(obligation, { endsOn, until: dueOn ?? '0000-01-01' });
  if (!dates.includes(dueOn)) {
    throw invalid('dueOn', { message: 'Tanggal ini bukan jatuh tempo kewajiban tersebut.', messageEn: 'This date is not a due date of the obligation.' });
  }
}

function checkFields(fields: RecordOccurrenceFields, upload: ReceivedUpload): void {
  if (fields.status === 'waived' && !fields.waiverReason) {
    throw invalid('waiverReason', { message: 'Pembebasan kewajiban memerlukan alasan.', messageEn: 'Waiving an obligation needs a reason.' });
  }
  if (fields.status === 'waived' && upload.file) {
    throw invalid('file', { message: 'Bukti hanya dilampirkan pada kewajiban yang dipenuhi.', messageEn: 'Evidence goes only with an obligation met.' });
  }
}

// Issue 11: each occurrence is met (with evidence, required when the obligation says so) or waived
// with a reason. The file is checked before anything is stored and removed again if the write fails.
export async function recordOccurrence(ctx: ActorCtx, input: { obligationId: string; upload: ReceivedUpload }): Promise<ObligationView> {
  const parsed = parseInput(RecordOccurrenceFieldsSchema, input.upload.fields);
  const fields = { ...parsed, dueOn: parsed.dueOn ? parsed.dueOn : null };
  const { obligation, units } = await loadObligation(ctx, ctx.db, input.obligationId);
  const facts = { party: obligation.party, unitId: obligation.unitId, leadUnitIds: units.leadUnitIds };
  if (fields.status === 'met' ? !canMarkOccurrenceMet(ctx.actor, facts) : !canWaiveOccurrence(ctx.actor)) throw forbidden();
  checkFields(parsed, input.upload);
  await checkDue(ctx.db, obligation, fields.dueOn);
  if (fields.status === 'met' && obligation.evidenceRequired && !input.upload.file) {
    throw invalid('file', { message: 'Kewajiban ini memerlukan bukti: unggah berkas PDF, JPEG atau PNG.', messageEn: 'This obligation needs evidence: upload a PDF, JPEG or PNG file.' });
  }
  const { maxUploadMb } = await getSettings(ctx.db);
  const file = input.upload.file ? checkEvidenceFile(input.upload.file, { limitBytes: maxUploadMb * MB, limitMb: maxUploadMb }) : null;
  const id = randomUUID();
  const storageKey = file ? `obligations/${obligation.id}/${id}.${file.type.extension}` : null;
  if (file && storageKey) await ctx.files.put(storageKey, file.bytes);
  try {
    return await ctx.db.transaction(async (tx) => {
      const locked = await loadObligation(ctx, tx, obligation.id, true);
      if (locked.obligation.status !== 'open') throw conflict('Kewajiban ini sudah dipenuhi atau dibebaskan seluruhnya.', 'This obligation is already met or waived as a whole.', 'status');
      if (await repo.findOccurrenceRow(tx, { obligationId: obligation.id, dueOn: fields.dueOn })) {
        throw conflict('Jatuh tempo ini sudah dicatat; buka kembali dahulu untuk mengubahnya.', 'This occurrence is already recorded; reopen it first to change it.', 'dueOn');
      }
      const evidence = file ? { fileName: file.fileName, mimeType: file.type.mimeType, sizeBytes: file.bytes.length, sha256: file.sha256 } : null;
      const values = { dueOn: fields.dueOn, status: fields.status, waiverReason: fields.waiverReason ?? null, note: fields.note ?? null, ...evidence };
      await repo.insertOccurrence(tx, { ...values, id, obligationId: obligation.id, storageKey, recordedBy: ctx.actor.id, recordedAt: ctx.now });
      await recordAudit(tx, { actor: ctx.actor, entity: 'obligation', entityId: obligation.id, action: `occurrence_${fields.status}`, at: ctx.now, changes: [{ field: 'occurrence', old: null, new: { id, ...values } }] });
      const [view] = await presentObligations(ctx, tx, [locked.obligation], locked.units);
      if (!view) throw new Error('recordOccurrence: nothing presented');
      return view;
    });
  } catch (error) {
    if (storageKey) await ctx.files.remove(storageKey);
    throw error;
  }
}

// The division takes back what was recorded for an occurrence (a mistake, evidence that proved
// wrong); the record is kept in the audit log, the file goes once the row is gone.
export async function reopenOccurrence(ctx: ActorCtx, input: ReopenOccurrenceInput & { obligationId: string }): Promise<ObligationView> {
  const { dueOn } = parseInput(ReopenOccurrenceSchema, { dueOn: input.dueOn });
  const { view, storageKey } = await ctx.db.transaction(async (tx) => {
    const { obligation, units } = await loadObligation(ctx, tx, input.obligationId, true);
    if (!canReopenOccurrence(ctx.actor)) throw forbidden();
    const row = await repo.findOccurrenceRow(tx, { obligationId: obligation.id, dueOn });
    if (!row) throw notFound('Catatan jatuh tempo', 'Occurrence record');
    await repo.deleteOccurrence(tx, row.id);
    const old = { id: row.id, dueOn: row.dueOn, status: row.status, waiverReason: row.waiverReason, fileName: row.fileName, sha256: row.sha256 };
    await recordAudit(tx, { actor: ctx.actor, entity: 'obligation', entityId: obligation.id, action: 'occurrence_reopen', at: ctx.now, changes: [{ field: 'occurrence', old, new: null }] });
    const [presented] = await presentObligations(ctx, tx, [obligation], units);
    if (!presented) throw new Error('reopenOccurrence: nothing presented');
    return { view: presented, storageKey: row.storageKey };
  });
  if (storageKey) await ctx.files.remove(storageKey);
  return view;
}

export async function readOccurrenceEvidence(ctx: ActorCtx, input: { occurrenceId: string }): Promise<{ body: StoredBody; fileName: string; mimeType: string }> {
  const row = await repo.findOccurrenceById(ctx.db, input.occurrenceId);
  if (!row?.storageKey) throw notFound('Bukti', 'Evidence');
  await loadObligation(ctx, ctx.db, row.obligationId);
  const body = await openStoredBody(ctx.files, row.storageKey);
  if (!body) throw notFound('Bukti', 'Evidence');
  return { body, fileName: row.fileName ?? 'bukti', mimeType: row.mimeType ?? 'application/octet-stream' };
}

