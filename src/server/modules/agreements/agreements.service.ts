import {
  CreateAgreementSchema,
  EndAgreementSchema,
  UpdateAgreementSchema,
  type AgreementView,
  type AuditEntryView,
  type CreateAgreementInput,
  type EndAgreementInput,
  type NumberDuplicateGroup,
  type UpdateAgreementInput,
} from '../../../shared/agreements';
import { agreementNumberKey } from '../../../shared/agreement-number';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Actor, ActorCtx, Ctx } from '../../lib/context';
import { forbidden, notFound, staleVersion } from '../../lib/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import { resolvePartnerRefs } from '../partners/partners.service';
import { getSettings } from '../settings/settings.service';
import { canCreateAgreement, canEditAgreement, canEndAgreement, canListNumberDuplicates, canReadAgreement, canReadAgreementAudit } from './agreements.policy';
import { findNumberDuplicates } from './agreement-numbers.service';
import * as repo from './agreements.repository';
import * as rules from './agreements.rules';
export { agreementsRevisionSql, selectLastAgreementChange as lastAgreementChangeAt } from './agreements-revision.repository';

type Fields = z.output<typeof CreateAgreementSchema>;
type Columns = repo.AgreementColumns;
const WHAT: [string, string] = ['Naskah kerja sama', 'Agreement'];
const TEXT_COLUMNS = ['numberOurs', 'numberPartner', 'scope', 'purpose', 'longTermReason', 'noParentReason'] as const;
const SCALAR_COLUMNS = ['docType', 'kind', 'ksddMode', 'title', ...TEXT_COLUMNS, 'signedOn', 'startsOn', 'endsOn', 'valueIdr', 'parentId', 'primarySectorCode', 'isDraft', 'isPublic'] as const;

// The fields the input sets, with blank text stored as null.
function scalarPatch(fields: Partial<Fields>): Partial<Columns> {
  const patch: Record<string, unknown> = {};
  for (const key of SCALAR_COLUMNS) {
    const value = fields[key];
    if (value !== undefined) patch[key] = typeof value === 'string' && (TEXT_COLUMNS as readonly string[]).includes(key) && value === '' ? null : value;
  }
  // Written with the number in the same statement; a renumbered legacy duplicate rejoins the unique index.
  if (patch.numberOurs !== undefined) {
    patch.numberKey = agreementNumberKey(patch.numberOurs as string | null);
    patch.numberKeyDuplicate = false;
  }
  return patch;
}

function uniqueExcept(values: string[], except: string): string[] {
  return [...new Set(values)].filter((value) => value !== except);
}

function draftOf(id: string | null, row: Partial<Columns> & Pick<Columns, 'docType' | 'kind'>): rules.AgreementDraft {
  return {
    id,
    docType: row.docType,
    kind: row.kind,
    ksddMode: row.ksddMode ?? null,
    isDraft: row.isDraft ?? false,
    startsOn: row.startsOn ?? null,
    endsOn: row.endsOn ?? null,
    longTermReason: row.longTermReason ?? null,
    parentId: row.parentId ?? null,
    noParentReason: row.noParentReason ?? null,
  };
}

// What the audit trail compares: every field a person edits, lists by name.
function auditSnapshot(view: AgreementView | undefined): Record<string, unknown> {
  if (!view) return {};
  const { id: _id, status: _status, partners, units, parent, children: _children, abilities: _abilities, version: _version, createdAt: _c, updatedAt: _u, termination, ...fields } = view;
  return {
    ...fields,
    parent: parent ? parent.title : null,
    partners: partners.map((partner) => partner.name),
    leadUnit: units.find((unit) => unit.isLead)?.name ?? null,
    supportingUnits: units.filter((unit) => !unit.isLead).map((unit) => unit.name),
    terminationKind: termination?.kind ?? null,
    terminatedOn: termination?.endedOn ?? null,
    terminationReason: termination?.reason ?? null,
    terminationNote: termination?.note ?? null,
  };
}

// The views as the registry shows them at `now`: the status follows the warning period of the settings.
export async function loadAgreementViews(ctx: Pick<Ctx, 'db' | 'now'>, ids: string[]): Promise<AgreementView[]> {
  const { expiryWarningDays } = await getSettings(ctx.db);
  return repo.loadAgreementViews(ctx.db, { ids, now: ctx.now, expiryWarningDays });
}

async function viewOf(db: Db, id: string, now: Date): Promise<AgreementView> {
  const [view] = await loadAgreementViews({ db, now }, [id]);
  if (!view) throw notFound(...WHAT);
  return view;
}

async function finishWrite(tx: Db, ctx: ActorCtx, id: string, action: string, before: AgreementView | undefined): Promise<AgreementView> {
  await repo.refreshAgreementSearch(tx, [id]);
  const after = await viewOf(tx, id, ctx.now);
  await recordAudit(tx, { actor: ctx.actor, entity: 'agreement', entityId: id, action, at: ctx.now, changes: diffFields(auditSnapshot(before), auditSnapshot(after)) });
  return after;
}

async function insertRow(tx: Db, ctx: ActorCtx, columns: Columns): Promise<string> {
  return rules.guardNumber(columns.numberOurs, () => repo.insertAgreement(tx, { ...columns, createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now }));
}

// The rules that read the registry, given what they look up.
const findFamilyMember = (tx: Db) => (id: string) => repo.findAgreementRow(tx, { id });

async function checkNumberFree(tx: Db, numberOurs: string | null, id: string | null): Promise<void> {
  await rules.checkNumberFree(numberOurs, (key) => repo.findByNumberKey(tx, { numberKey: key, exceptId: id }));
}

async function checkUnits(tx: Db, leadUnitId: string, supportingUnitIds: string[]): Promise<void> {
  rules.checkUnits(await repo.existingUnitIds(tx, [leadUnitId, ...supportingUnitIds]), { leadUnitId, supportingUnitIds });
}

async function checkSectors(tx: Db, primary: string, others: string[]): Promise<void> {
  rules.checkSectors(await repo.existingSectorCodes(tx, [primary, ...others]), { primary, others });
}

export async function createAgreement(ctx: ActorCtx, input: CreateAgreementInput): Promise<AgreementView> {
  if (!canCreateAgreement(ctx.actor)) throw forbidden();
  const fields = rules.parseInput(CreateAgreementSchema, input);
  return ctx.db.transaction(async (tx) => {
    const columns = { ...scalarPatch(fields), docType: fields.docType, kind: fields.kind, title: fields.title, primarySectorCode: fields.primarySectorCode };
    const draft = draftOf(null, columns);
    rules.checkKsddMode(draft);
    rules.checkTerm(draft, await getSettings(tx));
    await rules.checkParent(draft, findFamilyMember(tx));
    rules.checkPksParent(draft);
    // The reason answers for a missing parent only.
    if (columns.parentId) columns.noParentReason = null;
    await checkNumberFree(tx, columns.numberOurs ?? null, null);
    const supporting = uniqueExcept(fields.supportingUnitIds, fields.leadUnitId);
    const otherSectors = uniqueExcept(fields.otherSectorCodes, fields.primarySectorCode);
    await checkUnits(tx, fields.leadUnitId, supporting);
    await checkSectors(tx, fields.primarySectorCode, otherSectors);
    const partnerRows = await resolvePartnerRefs({ ...ctx, db: tx }, { refs: fields.partners });
    const id = await insertRow(tx, ctx, { ...columns, primaryCategoryCode: partnerRows[0]?.categoryCode ?? null });
    await repo.replacePartnerLinks(tx, { agreementId: id, partnerIds: partnerRows.map((partner) => partner.id) });
    await repo.replaceUnitLinks(tx, { agreementId: id, leadUnitId: fields.leadUnitId, supportingUnitIds: supporting });
    await repo.replaceSectorLinks(tx, { agreementId: id, primary: fields.primarySectorCode, others: otherSectors });
    return finishWrite(tx, ctx, id, 'create', undefined);
  });
}

// Loads the agreement if the actor may read it: 404 when missing, 403 when it is a draft they may not see.
export async function getAgreement(ctx: ActorCtx, id: string): Promise<AgreementView> {
  const view = await viewOf(ctx.db, id, ctx.now);
  if (!canReadAgreement(ctx.actor, { isDraft: view.isDraft, unitIds: view.units.map((unit) => unit.id) })) throw forbidden();
  return view;
}

// The proposal an agreement was registered from (its signing), for the agreement's view. Proposals sit
// above agreements, so the app hands this lookup to the agreement's routes (modules/routes.ts).
export type ProposalOfAgreement = (db: Db, agreementId: string) => Promise<string | null>;

// Whether the reader may add or remove the agreement's files: the documents module's rule, which sits
// above agreements, so modules/routes.ts hands it in.
export type DocumentRightsOf = (actor: Actor) => { canUpload: boolean; canDelete: boolean };

// The view as a reader gets it: the proposal it came from, and what this reader may do with it.
export async function presentAgreement(ctx: ActorCtx, options: { view: AgreementView; proposalOf: ProposalOfAgreement; documentRightsOf: DocumentRightsOf }): Promise<AgreementView> {
  const documents = options.documentRightsOf(ctx.actor);
  const abilities = { canEdit: canEditAgreement(ctx.actor), canEnd: canEndAgreement(ctx.actor), canUploadDocuments: documents.canUpload, canDeleteDocuments: documents.canDelete };
  return { ...options.view, proposalId: await options.proposalOf(ctx.db, options.view.id), abilities };
}

// The one way a module reaches an agreement to hang something off it (documents, the dissemination
// package and its sheet, sosialisasi events and their photos, beneficiaries): 404 when missing, 403
// when it is a draft the actor may not see, then 403 unless `may` allows the act.
export async function loadReadableAgreement(ctx: ActorCtx, input: { id: string; db?: Db; may?: (actor: Actor) => boolean }): Promise<repo.AgreementRow> {
  const { id, may } = input;
  const db = input.db ?? ctx.db;
  const row = await repo.findAgreementRow(db, { id });
  if (!row) throw notFound(...WHAT);
  if (!canReadAgreement(ctx.actor, { isDraft: row.isDraft, unitIds: await repo.unitIdsOfAgreement(db, id) })) throw forbidden();
  if (may && !may(ctx.actor)) throw forbidden();
  return row;
}

// Whether the registry holds any agreement at all (the demo loads only into an empty one).
export async function isRegistryEmpty(db: Db): Promise<boolean> {
  return !(await repo.hasAnyAgreement(db));
}

// The demo data set as a division would have kept it: each agreement whose signed document is
// attached was chosen for the portal. Only the demo loader calls this.
export async function publishDemoAgreements(db: Db, ids: string[]): Promise<void> {
  await repo.markPublic(db, ids);
}

// The agreements registered under these numbers, exactly as written, by number.
export async function findAgreementIdsByNumber(db: Db, numbers: string[]): Promise<Map<string, string>> {
  return repo.idsByNumberOurs(db, numbers);
}

// Every agreement's numbers, both sides: a scan's number is matched against them with looser rules
// than a typed one (bulk intake folds OCR look-alikes), so the comparison is the caller's.
export async function listAgreementNumbers(db: Db): Promise<{ id: string; title: string; numberOurs: string | null; numberPartner: string | null }[]> {
  return repo.allAgreementNumbers(db);
}

async function updateLists(tx: Db, ctx: ActorCtx, id: string, fields: Partial<Fields>, before: AgreementView, primarySectorCode: string) {
  const extra: Partial<Columns> = {};
  if (fields.leadUnitId !== undefined || fields.supportingUnitIds !== undefined) {
    const lead = fields.leadUnitId ?? before.units.find((unit) => unit.isLead)?.id ?? '';
    const supporting = uniqueExcept(fields.supportingUnitIds ?? before.units.filter((unit) => !unit.isLead).map((unit) => unit.id), lead);
    await checkUnits(tx, lead, supporting);
    await repo.replaceUnitLinks(tx, { agreementId: id, leadUnitId: lead, supportingUnitIds: supporting });
  }
  if (fields.primarySectorCode !== undefined || fields.otherSectorCodes !== undefined) {
    const others = uniqueExcept(fields.otherSectorCodes ?? before.otherSectorCodes, primarySectorCode);
    await checkSectors(tx, primarySectorCode, others);
    await repo.replaceSectorLinks(tx, { agreementId: id, primary: primarySectorCode, others });
  }
  if (fields.partners !== undefined) {
    const partnerRows = await resolvePartnerRefs({ ...ctx, db: tx }, { refs: fields.partners });
    await repo.replacePartnerLinks(tx, { agreementId: id, partnerIds: partnerRows.map((partner) => partner.id) });
    extra.primaryCategoryCode = partnerRows[0]?.categoryCode ?? null;
  }
  return extra;
}

export async function updateAgreement(ctx: ActorCtx, { id, ...input }: UpdateAgreementInput & { id: string }): Promise<AgreementView> {
  if (!canEditAgreement(ctx.actor)) throw forbidden();
  const { version, ...fields } = rules.parseInput(UpdateAgreementSchema, input);
  return ctx.db.transaction(async (tx) => {
    const current = await repo.findAgreementRow(tx, { id, lock: true });
    if (!current) throw notFound(...WHAT);
    if (current.version !== version) throw staleVersion();
    const before = await viewOf(tx, id, ctx.now);
    const patch = scalarPatch(fields);
    // Mandatory/voluntary describes only KSDD: it goes when the kind changes away.
    if (patch.kind && patch.kind !== 'KSDD' && fields.ksddMode === undefined) patch.ksddMode = null;
    const merged = { ...current, ...patch };
    const draft = draftOf(id, merged);
    rules.checkKsddMode(draft);
    rules.checkTerm(draft, await getSettings(tx));
    if (patch.parentId !== undefined || patch.docType !== undefined) await rules.checkParent(draft, findFamilyMember(tx));
    rules.checkPksParent(draft);
    if (merged.parentId && current.noParentReason !== null) patch.noParentReason = null;
    if (patch.docType !== undefined && patch.docType !== current.docType) rules.checkChildrenStillFit(await repo.childrenOf(tx, id), merged.docType);
    // A legacy duplicate saved under its own number stays as it is (flagged) until it is renumbered.
    if (patch.numberKey === current.numberKey) delete patch.numberKeyDuplicate;
    else if (patch.numberOurs !== undefined) await checkNumberFree(tx, merged.numberOurs, id);
    const extra = await updateLists(tx, ctx, id, fields, before, merged.primarySectorCode);
    const write = () => repo.updateAgreementVersioned(tx, { id, version, patch: { ...patch, ...extra }, now: ctx.now, what: WHAT });
    await rules.guardNumber(merged.numberOurs, write);
    return finishWrite(tx, ctx, id, 'update', before);
  });
}

export async function endAgreement(ctx: ActorCtx, { id, ...input }: EndAgreementInput & { id: string }): Promise<AgreementView> {
  if (!canEndAgreement(ctx.actor)) throw forbidden();
  const fields = rules.parseInput(EndAgreementSchema, input);
  return ctx.db.transaction(async (tx) => {
    const current = await repo.findAgreementRow(tx, { id, lock: true });
    if (!current) throw notFound(...WHAT);
    if (current.version !== fields.version) throw staleVersion();
    rules.checkEnding(current, fields);
    const before = await viewOf(tx, id, ctx.now);
    const patch = { terminationKind: fields.kind, terminatedOn: fields.endedOn, terminationReason: fields.reason, terminationNote: fields.note || null };
    await repo.updateAgreementVersioned(tx, { id, version: fields.version, patch, now: ctx.now, what: WHAT });
    return finishWrite(tx, ctx, id, fields.kind === 'dicabut' ? 'revoke' : 'end', before);
  });
}

export async function listAgreementAudit(ctx: ActorCtx, id: string): Promise<AuditEntryView[]> {
  const row = await repo.findAgreementRow(ctx.db, { id });
  if (!row) throw notFound(...WHAT);
  if (!canReadAgreementAudit(ctx.actor, { isDraft: row.isDraft, unitIds: await repo.unitIdsOfAgreement(ctx.db, id) })) throw forbidden();
  const rows = await repo.auditEntriesOf(ctx.db, id);
  return rows.map((entry) => ({ id: entry.id, at: entry.at.toISOString(), actor: entry.actorLabel, action: entry.action, changes: entry.changes }));
}


// Numbers registered before they were compared by key that now name one agreement twice; the admin
// renumbers all but one (each edit is checked against the key again).
export async function listNumberDuplicates(ctx: Ctx): Promise<NumberDuplicateGroup[]> {
  if (!canListNumberDuplicates(ctx.actor)) throw forbidden();
  return findNumberDuplicates(ctx.db);
}

// Another module changed what an agreement's search row reads (a proposal attached the signed copy
// of a newly registered agreement): the row is computed again in that module's transaction (ctx.db).
export async function refreshAgreementSearchOf(ctx: Ctx, agreementIds: string[]): Promise<void> {
  await repo.refreshAgreementSearch(ctx.db, agreementIds);
}
