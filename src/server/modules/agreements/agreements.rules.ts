import { agreementNumberKey } from '../../../shared/agreement-number';
import { termExceedsYears } from '../../../shared/agreement-status';
import type { DocType } from '../../../shared/agreement-codes';
import type { Settings } from '../../../shared/settings';
import type { z } from 'zod';
import { AppError, invalid } from '../../lib/errors';
import { isUniqueViolation } from '../../db/unique-violation';

// Pure rules: what they need from the registry is looked up by the caller and handed in.

// What the rules look at: the agreement as it will be after the write.
export type AgreementDraft = {
  id: string | null;
  docType: DocType;
  kind: string;
  ksddMode: string | null;
  isDraft: boolean;
  startsOn: string | null;
  endsOn: string | null;
  longTermReason: string | null;
  parentId: string | null;
  noParentReason: string | null;
};

// Services are called by routes, the import and the CLI alike, so they check their own input.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || 'body', message: issue.message }));
  const summary = issues.map((issue) => `${issue.path} (${issue.message})`).join('; ');
  return invalidAll(issues, summary);
}

function invalidAll(issues: { path: string; message: string }[], summary: string): never {
  throw new AppError({ code: 'VALIDATION', message: `Isian tidak valid: ${summary}`, messageEn: `Invalid input: ${summary}`, field: issues[0]?.path ?? 'body', issues });
}

// PP 28/2018 Ps 4: cooperation between regions is either mandatory (bordering) or voluntary.
export function checkKsddMode(draft: AgreementDraft): void {
  if (draft.kind === 'KSDD' && !draft.ksddMode && !draft.isDraft) {
    throw invalid('ksddMode', { message: 'Kerja sama antar-daerah (KSDD): pilih wajib atau sukarela.', messageEn: 'Cooperation between regions (KSDD): choose wajib or sukarela.' });
  }
  if (draft.kind !== 'KSDD' && draft.ksddMode) {
    throw invalid('ksddMode', { message: 'Sifat wajib/sukarela hanya untuk KSDD.', messageEn: 'Mandatory/voluntary applies only to KSDD.' });
  }
}

// No legal maximum term exists; the division's own limit is a setting, overridable with a reason.
export function checkTerm(draft: AgreementDraft, settings: Settings): void {
  if (!draft.startsOn || !draft.endsOn) return;
  if (draft.endsOn < draft.startsOn) {
    throw invalid('endsOn', { message: 'Tanggal berakhir mendahului tanggal mulai.', messageEn: 'The end date precedes the start date.' });
  }
  if (termExceedsYears(draft.startsOn, draft.endsOn, settings.maxTermYears) && !draft.longTermReason) {
    throw invalid(
      'longTermReason',
      { message: `Jangka waktu lebih dari ${settings.maxTermYears} tahun: tuliskan alasannya.`, messageEn: `The term is longer than ${settings.maxTermYears} years: give the reason.` },
    );
  }
}

const parentError = (message: string, messageEn: string) => invalid('parentId', { message, messageEn });

export type ParentKindProblem = 'has_no_parent' | 'pks_needs_kb_or_nk' | 'adendum_of_adendum';

// A PKS implements a KB (or, with central government, an NK); an adendum amends a KB, PKS or NK; a
// KB or NK has no parent. The form, the API and the import all answer to this one rule.
export function parentKindProblem(docType: string, parentType: string): ParentKindProblem | null {
  if (docType === 'KB' || docType === 'NK') return 'has_no_parent';
  if (docType === 'PKS' && parentType !== 'KB' && parentType !== 'NK') return 'pks_needs_kb_or_nk';
  if (docType === 'ADENDUM' && parentType === 'ADENDUM') return 'adendum_of_adendum';
  return null;
}

function checkParentKind(docType: DocType, parentType: DocType): void {
  switch (parentKindProblem(docType, parentType)) {
    case 'has_no_parent':
      throw parentError('Kesepakatan Bersama dan Nota Kesepakatan tidak memiliki naskah induk.', 'A KB or NK has no parent document.');
    case 'pks_needs_kb_or_nk':
      throw parentError('Induk PKS harus Kesepakatan Bersama (KB) atau Nota Kesepakatan (NK).', 'The parent of a PKS must be a KB or an NK.');
    case 'adendum_of_adendum':
      throw parentError('Adendum mengubah KB, PKS atau NK, bukan adendum lain.', 'An adendum amends a KB, PKS or NK, not another adendum.');
    case null:
      return;
  }
}

type FamilyMember = { id: string; docType: DocType; parentId: string | null };

// findAgreement reads one agreement of the registry (the parent, then its ancestors).
export async function checkParent(draft: AgreementDraft, findAgreement: (id: string) => Promise<FamilyMember | undefined>): Promise<void> {
  if (!draft.parentId) {
    if (draft.docType === 'ADENDUM') throw parentError('Adendum harus menunjuk naskah yang diubahnya.', 'An adendum must name the document it amends.');
    return;
  }
  if (draft.parentId === draft.id) throw parentError('Naskah tidak dapat menjadi induk dirinya sendiri.', 'A document cannot be its own parent.');
  const parent = await findAgreement(draft.parentId);
  if (!parent) throw parentError('Naskah induk tidak ditemukan.', 'Parent document not found.');
  checkParentKind(draft.docType, parent.docType);
  let ancestor: FamilyMember | undefined = parent;
  for (let depth = 0; ancestor?.parentId && depth < 100; depth += 1) {
    if (ancestor.parentId === draft.id) throw parentError('Hubungan induk ini membuat lingkaran.', 'This parent link would create a cycle.');
    ancestor = await findAgreement(ancestor.parentId);
  }
}

// A PKS usually implements a KB (or an NK): one saved without it needs a written reason, so a missing
// link is a decision, not a slip. A draft may wait for either until it is registered.
export function checkPksParent(draft: AgreementDraft): void {
  if (draft.docType !== 'PKS' || draft.parentId || draft.isDraft || draft.noParentReason?.trim()) return;
  throw invalid('noParentReason', {
    message: 'PKS tanpa naskah induk: pilih KB/NK induknya atau tuliskan alasan tanpa KB.',
    messageEn: 'A PKS without a parent document: choose its KB/NK or give the reason it has none.',
  });
}

// Changing a document's type must not strand the PKS or adenda that hang from it.
export function checkChildrenStillFit(children: { title: string; docType: DocType }[], docType: DocType): void {
  for (const child of children) {
    const fits = child.docType === 'ADENDUM' ? docType !== 'ADENDUM' : child.docType === 'PKS' && (docType === 'KB' || docType === 'NK');
    if (!fits) {
      throw invalid('docType', { message: `Jenis naskah tidak cocok dengan naskah turunannya "${child.title}".`, messageEn: `This type does not fit its child document "${child.title}".` });
    }
  }
}

// The number is compared by its key (agreementNumberKey): "VAR-1/A" is taken by "var-1 / a" too.
export function numberTaken(numberOurs: string, holder?: { id: string; title: string; numberOurs: string | null }): AppError {
  const held = holder?.numberOurs ?? numberOurs;
  const by = holder ? ` oleh "${holder.title}"` : '';
  const byEn = holder ? ` by "${holder.title}"` : '';
  return new AppError({
    code: 'CONFLICT',
    message: `Nomor naskah ${numberOurs} sudah dipakai${by} dengan nomor ${held} (huruf besar/kecil, spasi dan huruf serupa tidak membedakan nomor).`,
    messageEn: `Document number ${numberOurs} is already used${byEn} as ${held} (case, spacing and look-alike letters do not make a number different).`,
    field: 'numberOurs',
    details: { numberOurs: held, ...(holder ? { agreementId: holder.id } : {}) },
  });
}

// holderOf finds the agreement (other than this one) already holding a number key.
export async function checkNumberFree(numberOurs: string | null, holderOf: (key: string) => Promise<{ id: string; title: string; numberOurs: string | null } | undefined>): Promise<void> {
  const key = agreementNumberKey(numberOurs);
  if (!numberOurs || !key) return;
  const clash = await holderOf(key);
  if (clash) throw numberTaken(numberOurs, clash);
}

// Two saves racing for one number both pass the check; the database refuses the second.
export async function guardNumber<T>(numberOurs: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (numberOurs && isUniqueViolation(error, 'agreements_number_key_key')) throw numberTaken(numberOurs);
    throw error;
  }
}

// known: which of the named units exist.
export function checkUnits(known: Set<string>, { leadUnitId, supportingUnitIds }: { leadUnitId: string; supportingUnitIds: string[] }): void {
  if (!known.has(leadUnitId)) throw invalid('leadUnitId', { message: 'OPD pengampu tidak ditemukan.', messageEn: 'Lead unit not found.' });
  const missing = supportingUnitIds.findIndex((unitId) => !known.has(unitId));
  if (missing >= 0) throw invalid(`supportingUnitIds.${missing}`, { message: 'OPD pendukung tidak ditemukan.', messageEn: 'Supporting unit not found.' });
}

// known: which of the named sectors exist.
export function checkSectors(known: Set<string>, { primary, others }: { primary: string; others: string[] }): void {
  if (!known.has(primary)) throw invalid('primarySectorCode', { message: `Bidang "${primary}" tidak dikenal.`, messageEn: `Unknown sector "${primary}".` });
  const missing = others.findIndex((code) => !known.has(code));
  const code = others[missing];
  if (code !== undefined) throw invalid(`otherSectorCodes.${missing}`, { message: `Bidang "${code}" tidak dikenal.`, messageEn: `Unknown sector "${code}".` });
}

const KSDPK_ONLY_REASONS = ['putusan_pengadilan', 'mitra_pailit'];
const REVOCATION_REASONS = ['pelanggaran', 'putusan_pengadilan'];

// PP 28/2018 Ps 9 and Ps 22: why, and for which kinds, an agreement may end before its term.
export function checkEnding(
  current: { isDraft: boolean; terminationKind: string | null; kind: string; startsOn: string | null; signedOn: string | null; endsOn: string | null },
  input: { kind: 'diakhiri' | 'dicabut'; endedOn: string; reason: string },
): void {
  if (current.isDraft) {
    throw new AppError({ code: 'CONFLICT', message: 'Draf belum berlaku sehingga tidak dapat diakhiri.', messageEn: 'A draft is not in force and cannot be ended.', field: 'kind' });
  }
  if (current.terminationKind) {
    throw new AppError({ code: 'CONFLICT', message: 'Naskah ini sudah diakhiri atau dicabut.', messageEn: 'This agreement has already been ended or revoked.', field: 'kind' });
  }
  if (input.reason === 'jangka_waktu_berakhir') {
    throw invalid('reason', { message: 'Berakhirnya jangka waktu tercatat otomatis dari tanggal berakhir.', messageEn: 'Expiry of the term follows from the end date; it needs no ending.' });
  }
  if (KSDPK_ONLY_REASONS.includes(input.reason) && current.kind !== 'KSDPK') {
    throw invalid('reason', { message: 'Alasan ini hanya berlaku untuk kerja sama dengan pihak ketiga (KSDPK).', messageEn: 'This reason applies only to cooperation with a third party (KSDPK).' });
  }
  if (input.kind === 'dicabut' && !REVOCATION_REASONS.includes(input.reason)) {
    throw invalid('reason', { message: 'Pencabutan hanya karena pelanggaran atau putusan pengadilan.', messageEn: 'Revocation is only for a violation or a court ruling.' });
  }
  const startsOn = current.startsOn ?? current.signedOn;
  if (startsOn && input.endedOn < startsOn) {
    throw invalid('endedOn', { message: 'Tanggal pengakhiran mendahului mulai berlakunya naskah.', messageEn: 'The ending date precedes the start of the agreement.' });
  }
  if (current.endsOn && input.endedOn > current.endsOn) {
    throw invalid('endedOn', { message: 'Tanggal pengakhiran melewati tanggal berakhir naskah.', messageEn: 'The ending date is after the agreement’s own end date.' });
  }
}
