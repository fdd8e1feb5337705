import type { OpportunityInput, PackageActionInput, PackageView, SavePackageInput, TaskInput } from '../../../shared/dissemination';
import type { Db } from '../../db/client';
import type { ActorCtx, Ctx } from '../../lib/context';
import { AppError, forbidden, notFound, staleVersion } from '../../lib/errors';
import { getSettings } from '../settings/settings.service';
import { diffFields, recordAudit } from '../audit/audit.service';
import { loadReadableAgreement } from '../agreements/agreements.service';
import { deliverMail } from '../mail/mail.service';
import { canAcknowledgePackage, canApprovePublication, canPreparePackage, canPublishPackage, canReadPackage, canReadTracking, hidesRefusedPackage, openingRecordedFor } from './dissemination.policy';
import { announcePackage, askForApproval, tellSentBack } from './dissemination.notices';
import { publicationStep } from './dissemination-publication.rules';
import * as repo from './dissemination.repository';
import { checkAcknowledgedTasksKept, checkPackageReferences, checkPublishable } from './dissemination.rules';
export { publishedPackagesRevisionSql } from './dissemination-revision.repository';

export type { PackageProgress, RecipientProgress, TrackingProgress } from './dissemination.repository';

const PACKAGE_WHAT: [string, string] = ['Paket diseminasi', 'Dissemination package'];

async function signedAgreement(ctx: ActorCtx, db: Db, agreementId: string) {
  const agreement = await loadReadableAgreement(ctx, { id: agreementId, db });
  if (agreement.isDraft) {
    throw new AppError({
      code: 'CONFLICT',
      message: 'Naskah masih draf; paket diseminasi dibuat untuk naskah yang sudah ditandatangani.',
      messageEn: 'The agreement is still a draft; a dissemination package is made for a signed agreement.',
      field: 'agreementId',
    });
  }
  return agreement;
}

function abilities(ctx: ActorCtx, row: repo.PackageRow, { recipientUnitIds, fourEyes }: { recipientUnitIds: string[]; fourEyes: boolean }): PackageView['abilities'] {
  // Once published, only the division's admin, who publishes, may correct the package.
  const isPublished = row.status === 'published';
  const isRequested = row.status === 'review' && row.publicationRequestedBy !== null;
  return {
    canEdit: isPublished ? canPublishPackage(ctx.actor) : canPreparePackage(ctx.actor),
    canSubmit: row.status === 'draft' && canPreparePackage(ctx.actor),
    // While a request waits for the second person, 'Terbitkan' is not offered again.
    canPublish: row.status === 'review' && canPublishPackage(ctx.actor) && !(fourEyes && isRequested),
    needsApproval: fourEyes,
    canApprove: isRequested && canApprovePublication(ctx.actor, { requestedBy: row.publicationRequestedBy }),
    canAcknowledge: canAcknowledgePackage(ctx.actor, { status: row.status, recipientUnitIds }),
  };
}

async function viewFor(ctx: ActorCtx, db: Db, row: repo.PackageRow): Promise<repo.PackageProgress> {
  const { disseminationFourEyes } = await getSettings(db);
  return repo.packageViewOf(db, { row, abilities: abilities(ctx, row, { recipientUnitIds: await repo.recipientUnitIds(db, row.id), fourEyes: disseminationFourEyes }) });
}

async function checkReferences(db: Db, agreementId: string, input: SavePackageInput): Promise<void> {
  const [unitIds, sectorCodes, documentIds] = [
    await repo.existingUnitIds(db, [...new Set(input.tasks.map((task) => task.unitId))]),
    await repo.knownSectorCodes(db, [...new Set(input.opportunities.flatMap((opportunity) => opportunity.sectorCodes))]),
    await repo.documentIdsOfAgreement(db, { agreementId, ids: input.publicDocumentIds }),
  ];
  checkPackageReferences(input, { unitIds, sectorCodes, documentIds });
}

// Reading the package: an OPD told to act opening it for the first time is recorded (when, by whom).
export async function getPackage(ctx: ActorCtx, agreementId: string): Promise<repo.PackageProgress> {
  await loadReadableAgreement(ctx, { id: agreementId });
  const row = await repo.findPackage(ctx.db, { agreementId });
  if (!row || !canReadPackage(ctx.actor, row)) {
    if (row && !hidesRefusedPackage(ctx.actor)) throw forbidden();
    throw notFound(...PACKAGE_WHAT);
  }
  const unitId = openingRecordedFor(ctx.actor);
  if (unitId && row.status === 'published') {
    await ctx.db.transaction(async (tx) => {
      if (await repo.recordFirstOpening(tx, { packageId: row.id, unitId, by: ctx.actor.id, at: ctx.now })) {
        await recordAudit(tx, { actor: ctx.actor, entity: 'dissemination_package', entityId: row.id, action: 'open', at: ctx.now, changes: [{ field: 'firstOpenedAt', old: null, new: ctx.now.toISOString() }] });
      }
    });
  }
  return viewFor(ctx, ctx.db, row);
}

function summaryOf(input: SavePackageInput) {
  return {
    summaryWhat: input.summaryWhat ?? null,
    summaryWithWhom: input.summaryWithWhom ?? null,
    summaryUntil: input.summaryUntil ?? null,
    summaryWhy: input.summaryWhy ?? null,
  };
}

// The package's PUT: a package being prepared is saved, a published one edited.
export async function writePackage(ctx: ActorCtx, { agreementId, ...input }: { agreementId: string } & SavePackageInput): Promise<repo.PackageProgress> {
  const current = await repo.findPackage(ctx.db, { agreementId });
  if (current?.status === 'published') return editPublishedPackage(ctx, { agreementId, ...input });
  return savePackage(ctx, { agreementId, ...input });
}

// Creates the package or saves a new version of it while it is prepared.
export async function savePackage(ctx: ActorCtx, { agreementId, ...input }: { agreementId: string } & SavePackageInput): Promise<repo.PackageProgress> {
  if (!canPreparePackage(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    await signedAgreement(ctx, tx, agreementId);
    await checkReferences(tx, agreementId, input);
    const before = await repo.findPackage(tx, { agreementId, lock: true });
    const summary = summaryOf(input);
    let row: repo.PackageRow;
    if (!before) {
      if (input.version !== undefined && input.version !== 1) throw staleVersion();
      row = await repo.insertPackage(tx, { agreementId, ...summary, createdBy: ctx.actor.id, createdAt: ctx.now });
    } else {
      if (input.version === undefined || input.version !== before.version) throw staleVersion();
      if (before.status === 'published') {
        throw new AppError({ code: 'CONFLICT', message: 'Paket sudah diterbitkan; hanya admin yang dapat mengubahnya.', messageEn: 'The package is published; only the admin may edit it.' });
      }
      // A publication request covers what the requester saw: a change makes it void.
      row = await repo.updatePackage(tx, { id: before.id, patch: { ...summary, ...NO_REQUEST, version: before.version + 1, updatedAt: ctx.now } });
    }
    await repo.replacePackageContents(tx, { packageId: row.id, input });
    const changes = [
      ...diffFields(before ? summaryOf({ ...before, tasks: [], opportunities: [], publicDocumentIds: [] }) : {}, summary),
      { field: 'tasks', old: null, new: input.tasks.length },
      { field: 'opportunities', old: null, new: input.opportunities.length },
      { field: 'publicDocumentIds', old: null, new: input.publicDocumentIds },
    ];
    await recordAudit(tx, { actor: ctx.actor, entity: 'dissemination_package', entityId: row.id, action: before ? 'update' : 'create', at: ctx.now, changes });
    return viewFor(ctx, tx, row);
  });
}

// Everything a published package says, as one flat record: what the audit trail compares.
function contentsOf(pkg: Pick<SavePackageInput, 'summaryWhat' | 'summaryWithWhom' | 'summaryUntil' | 'summaryWhy' | 'publicDocumentIds'> & { tasks: TaskInput[]; opportunities: OpportunityInput[] }) {
  return {
    ...summaryOf({ ...pkg, tasks: [], opportunities: [], publicDocumentIds: [] }),
    tasks: pkg.tasks.map((task) => ({ unitId: task.unitId, commitment: task.commitment, dueOn: task.dueOn ?? null })),
    opportunities: pkg.opportunities.map((opportunity) => {
      const { position: _position, ...values } = repo.opportunityValues(opportunity, 0);
      return { id: opportunity.id ?? null, ...values };
    }),
    publicDocumentIds: [...new Set(pkg.publicDocumentIds)].sort(),
  };
}

// The division corrects a package already out (a typo, a longer deadline, a task for another OPD, a
// closed offer). It stays publishable, an OPD's acknowledged tasks stay, an OPD given its first task
// is told as at publication, and an OPD left without tasks is no longer followed up. The version
// bump also changes the portal cache's signature, so the public page shows the new text.
export async function editPublishedPackage(ctx: ActorCtx, { agreementId, ...input }: { agreementId: string } & SavePackageInput): Promise<repo.PackageProgress> {
  if (!canPublishPackage(ctx.actor)) throw forbidden();
  const { row, mailIds } = await ctx.db.transaction(async (tx) => {
    const agreement = await signedAgreement(ctx, tx, agreementId);
    const before = await repo.findPackage(tx, { agreementId, lock: true });
    if (!before) throw notFound(...PACKAGE_WHAT);
    if (input.version !== before.version || before.status !== 'published') throw staleVersion();
    await checkReferences(tx, agreementId, input);
    checkPublishable({ summaryWhat: input.summaryWhat ?? null, opportunities: input.opportunities.map((opportunity) => ({ ...opportunity, deadline: opportunity.deadline ?? null })) }, 'edit');
    const previous = await repo.packageViewOf(tx, { row: before, abilities: abilities(ctx, before, { recipientUnitIds: [], fourEyes: false }) });
    const acknowledged = new Set(previous.recipients.flatMap((recipient) => (recipient.acknowledgedAt ? [recipient.unitId] : [])));
    checkAcknowledgedTasksKept(previous.tasks, { tasks: input.tasks, acknowledgedUnitIds: acknowledged });
    const updated = await repo.updatePackage(tx, { id: before.id, patch: { ...summaryOf(input), version: before.version + 1, updatedAt: ctx.now } });
    await repo.replacePackageContents(tx, { packageId: updated.id, input });
    const tasked = new Set(input.tasks.map((task) => task.unitId));
    const told = new Set(previous.recipients.map((recipient) => recipient.unitId));
    const added = [...tasked].filter((unitId) => !told.has(unitId));
    const dropped = [...told].filter((unitId) => !tasked.has(unitId));
    await repo.removeRecipients(tx, { packageId: updated.id, unitIds: dropped });
    const queued = await announcePackage({ ...ctx, db: tx }, { row: updated, title: agreement.title, unitIds: added });
    const changes = [
      ...diffFields(contentsOf(previous), contentsOf(input)),
      ...(added.length > 0 ? [{ field: 'recipients.added', old: null, new: added }] : []),
      ...(dropped.length > 0 ? [{ field: 'recipients.removed', old: dropped, new: null }] : []),
    ];
    await recordAudit(tx, { actor: ctx.actor, entity: 'dissemination_package', entityId: before.id, action: 'edit_published', at: ctx.now, changes });
    return { row: updated, mailIds: queued };
  });
  await deliverMail(ctx, mailIds);
  return viewFor(ctx, ctx.db, row);
}

const NO_REQUEST = { publicationRequestedBy: null, publicationRequestedByName: null, publicationRequestedAt: null };

// Who may attempt an action at all; approving also needs a request by somebody else (checked below).
function mayAttempt(ctx: ActorCtx, action: PackageActionInput['action']): boolean {
  switch (action) {
    case 'submit':
    case 'return':
      return canPreparePackage(ctx.actor);
    case 'publish':
      return canPublishPackage(ctx.actor);
    case 'approve':
    case 'sendBack':
      return canPreparePackage(ctx.actor);
  }
}

// Draft → review → published, with the four-eyes detour (dissemination-publication.rules.ts):
// while the setting is on, the admin's 'publish' only records a request that another person
// approves or sends back with a note. The approvers are told in the app.
export async function transitionPackage(ctx: ActorCtx, { agreementId, ...input }: { agreementId: string } & PackageActionInput): Promise<repo.PackageProgress> {
  if (!mayAttempt(ctx, input.action)) throw forbidden();
  const { row, mailIds } = await ctx.db.transaction(async (tx) => {
    const agreement = await signedAgreement(ctx, tx, agreementId);
    const before = await repo.findPackage(tx, { agreementId, lock: true });
    if (!before) throw notFound(...PACKAGE_WHAT);
    if (before.version !== input.version) throw staleVersion();
    const { disseminationFourEyes } = await getSettings(tx);
    const step = publicationStep(ctx.actor, { before, input, fourEyes: disseminationFourEyes, now: ctx.now });
    if (step.to === 'published' || step.audit === 'request_publication') {
      checkPublishable({ summaryWhat: before.summaryWhat, opportunities: await repo.loadOpportunities(tx, before.id) });
    }
    const updated = await repo.updatePackage(tx, { id: before.id, patch: { status: step.to, ...step.patch, version: before.version + 1, updatedAt: ctx.now } });
    const queued = step.to === 'published' ? await announcePackage({ ...ctx, db: tx }, { row: updated, title: agreement.title, unitIds: 'all' }) : [];
    if (step.audit === 'request_publication') await askForApproval({ ...ctx, db: tx }, { row: updated, title: agreement.title });
    if (step.audit === 'send_back' && before.publicationRequestedBy) await tellSentBack({ ...ctx, db: tx }, { row: updated, title: agreement.title, requestedBy: before.publicationRequestedBy });
    await recordAudit(tx, { actor: ctx.actor, entity: 'dissemination_package', entityId: before.id, action: step.audit, at: ctx.now, changes: step.changes });
    return { row: updated, mailIds: queued };
  });
  await deliverMail(ctx, mailIds);
  return viewFor(ctx, ctx.db, row);
}

// The OPD confirms it received the package; a second confirmation changes nothing.
export async function acknowledgePackage(ctx: ActorCtx, agreementId: string): Promise<repo.PackageProgress> {
  const row = await ctx.db.transaction(async (tx) => {
    await loadReadableAgreement(ctx, { id: agreementId, db: tx });
    const pkg = await repo.findPackage(tx, { agreementId });
    if (!pkg || pkg.status !== 'published') throw notFound(...PACKAGE_WHAT);
    if (!canAcknowledgePackage(ctx.actor, { status: pkg.status, recipientUnitIds: await repo.recipientUnitIds(tx, pkg.id) })) throw forbidden();
    const unitId = ctx.actor.unitId ?? '';
    if (await repo.recordAcknowledgement(tx, { packageId: pkg.id, unitId, by: ctx.actor.id, at: ctx.now })) {
      await recordAudit(tx, { actor: ctx.actor, entity: 'dissemination_package', entityId: pkg.id, action: 'acknowledge', at: ctx.now, changes: [{ field: 'acknowledgedAt', old: null, new: ctx.now.toISOString() }] });
    }
    return pkg;
  });
  return viewFor(ctx, ctx.db, row);
}

// Every package with its state and, per OPD told, sent / opened / acknowledged (planned: see plans).
export async function listTracking(ctx: ActorCtx): Promise<repo.TrackingProgress[]> {
  if (!canReadTracking(ctx.actor)) throw forbidden();
  const rows = await repo.listPackagesForTracking(ctx.db);
  const recipients = await repo.loadRecipients(ctx.db, rows.map((row) => row.id));
  return rows.map((row) => ({
    agreementId: row.agreementId,
    agreementTitle: row.title,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    recipients: recipients.filter((recipient) => recipient.packageId === row.id).map(({ packageId: _packageId, ...recipient }) => recipient),
  }));
}

// The demo data set's acknowledgements, as the OPDs' liaisons would have given them: dated, naming
// no person, with no audit entry. Only the demo loader (a command line or first start) calls this.
export async function recordDemoAcknowledgements(ctx: Ctx, input: { agreementId: string; unitIds: string[] }): Promise<void> {
  const pkg = await repo.findPackage(ctx.db, { agreementId: input.agreementId });
  if (pkg) await repo.markAcknowledged(ctx.db, { packageId: pkg.id, unitIds: input.unitIds, at: ctx.now });
}

// For the evaluation's computed indicators (a higher module asks, as the system): whether the
// agreement's package is published, how many OPDs it told and how many of them acknowledged it.
export async function acknowledgementOf(ctx: Pick<Ctx, 'db'>, input: { agreementId: string }): Promise<{ isPublished: boolean; recipients: number; acknowledged: number }> {
  const pkg = await repo.findPackage(ctx.db, { agreementId: input.agreementId });
  if (pkg?.status !== 'published') return { isPublished: false, recipients: 0, acknowledged: 0 };
  const recipients = await repo.loadRecipients(ctx.db, [pkg.id]);
  return { isPublished: true, recipients: recipients.length, acknowledged: recipients.filter((recipient) => recipient.acknowledgedAt !== null).length };
}
