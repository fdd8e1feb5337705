import { and, desc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { PackageAction, PackageView, SavePackageInput, TrackingRow } from '../../../shared/dissemination';
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../lib/context';
import { AppError, forbidden, notFound, staleVersion } from '../../lib/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import { agreements } from '../agreements/agreements.table';
import { deliverMail, queueMail, type MailSettings } from '../mail/mail.service';
import { notifyUsers } from '../notifications/notifications.service';
import { canAcknowledgePackage, canPreparePackage, canPublishPackage, canReadPackage, canReadTracking } from './dissemination.policy';
import * as repo from './dissemination.repository';
import { checkPackageReferences, checkPublishable } from './dissemination.rules';
import {
  disseminationOpportunities,
  disseminationPackages,
  disseminationPublicDocuments,
  disseminationRecipients,
  disseminationTasks,
} from './dissemination.table';

const PACKAGE_WHAT: [string, string] = ['Paket diseminasi', 'Dissemination package'];

async function signedAgreement(db: Db, agreementId: string) {
  const [agreement] = await db
    .select({ id: agreements.id, title: agreements.title, isDraft: agreements.isDraft })
    .from(agreements)
    .where(eq(agreements.id, agreementId));
  if (!agreement) throw notFound('Naskah kerja sama', 'Agreement');
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

function abilities(ctx: ActorCtx, row: repo.PackageRow, recipientUnitIds: string[]): PackageView['can'] {
  const open = row.status !== 'published';
  return {
    edit: open && canPreparePackage(ctx.actor),
    submit: row.status === 'draft' && canPreparePackage(ctx.actor),
    publish: row.status === 'review' && canPublishPackage(ctx.actor),
    acknowledge: canAcknowledgePackage(ctx.actor, { status: row.status, recipientUnitIds }),
  };
}

async function viewFor(ctx: ActorCtx, db: Db, row: repo.PackageRow): Promise<PackageView> {
  const recipients = await db.select({ unitId: disseminationRecipients.unitId }).from(disseminationRecipients).where(eq(disseminationRecipients.packageId, row.id));
  return repo.packageViewOf(db, row, abilities(ctx, row, recipients.map((recipient) => recipient.unitId)));
}

// Reading the package: an OPD told to act opening it for the first time is recorded (when, by whom).
export async function getPackage(ctx: ActorCtx, agreementId: string): Promise<PackageView> {
  const row = await repo.findPackage(ctx.db, agreementId);
  if (!row || !canReadPackage(ctx.actor, row)) {
    // An OPD does not learn that a draft exists.
    if (row && ctx.actor.role !== 'opd') throw forbidden();
    throw notFound(...PACKAGE_WHAT);
  }
  const unitId = ctx.actor.role === 'opd' ? ctx.actor.unitId : null;
  if (unitId && row.status === 'published') {
    await ctx.db.transaction(async (tx) => {
      const opened = await tx
        .update(disseminationRecipients)
        .set({ firstOpenedAt: ctx.now, firstOpenedBy: ctx.actor.id })
        .where(and(eq(disseminationRecipients.packageId, row.id), eq(disseminationRecipients.unitId, unitId), isNull(disseminationRecipients.firstOpenedAt)))
        .returning({ unitId: disseminationRecipients.unitId });
      if (opened.length > 0) {
        await recordAudit(tx, { actor: ctx.actor, entity: 'dissemination_package', entityId: row.id, action: 'open', at: ctx.now, changes: [{ field: 'firstOpenedAt', old: null, new: ctx.now.toISOString() }] });
      }
    });
  }
  return viewFor(ctx, ctx.db, row);
}

async function replaceContents(tx: Db, packageId: string, input: SavePackageInput): Promise<void> {
  await tx.delete(disseminationTasks).where(eq(disseminationTasks.packageId, packageId));
  if (input.tasks.length > 0) {
    await tx.insert(disseminationTasks).values(input.tasks.map((task, position) => ({ packageId, unitId: task.unitId, commitment: task.commitment, dueOn: task.dueOn ?? null, position })));
  }
  // Opportunities keep their id (and their portal click count) when sent back with it.
  const keptIds = input.opportunities.flatMap((opportunity) => (opportunity.id ? [opportunity.id] : []));
  await tx
    .delete(disseminationOpportunities)
    .where(and(eq(disseminationOpportunities.packageId, packageId), keptIds.length > 0 ? notInArray(disseminationOpportunities.id, keptIds) : undefined));
  const existing = new Set(
    keptIds.length === 0
      ? []
      : (await tx.select({ id: disseminationOpportunities.id }).from(disseminationOpportunities).where(and(eq(disseminationOpportunities.packageId, packageId), inArray(disseminationOpportunities.id, keptIds)))).map((row) => row.id),
  );
  for (const [position, opportunity] of input.opportunities.entries()) {
    const values = {
      type: opportunity.type,
      title: opportunity.title,
      description: opportunity.description ?? null,
      sectorCodes: [...new Set(opportunity.sectorCodes)],
      deadline: opportunity.deadline ?? null,
      howToApply: opportunity.howToApply ?? null,
      applyUrl: opportunity.applyUrl ?? null,
      quota: opportunity.quota ?? null,
      eligibility: opportunity.eligibility ?? null,
      scheme: opportunity.scheme ?? null,
      whoMayApply: opportunity.whoMayApply ?? null,
      limits: opportunity.limits ?? null,
      contact: opportunity.contact ?? null,
      position,
    };
    if (opportunity.id && existing.has(opportunity.id)) {
      await tx.update(disseminationOpportunities).set(values).where(eq(disseminationOpportunities.id, opportunity.id));
    } else {
      await tx.insert(disseminationOpportunities).values({ packageId, ...values });
    }
  }
  await tx.delete(disseminationPublicDocuments).where(eq(disseminationPublicDocuments.packageId, packageId));
  const documentIds = [...new Set(input.publicDocumentIds)];
  if (documentIds.length > 0) await tx.insert(disseminationPublicDocuments).values(documentIds.map((documentId) => ({ packageId, documentId })));
}

function summaryOf(input: SavePackageInput) {
  return {
    summaryWhat: input.summaryWhat ?? null,
    summaryWithWhom: input.summaryWithWhom ?? null,
    summaryUntil: input.summaryUntil ?? null,
    summaryWhy: input.summaryWhy ?? null,
  };
}

// Creates the package or saves a new version of it; a published package is frozen.
export async function savePackage(ctx: ActorCtx, agreementId: string, input: SavePackageInput): Promise<PackageView> {
  if (!canPreparePackage(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    await signedAgreement(tx, agreementId);
    await checkPackageReferences(tx, agreementId, input);
    const before = await repo.findPackage(tx, agreementId, { lock: true });
    const summary = summaryOf(input);
    let row: repo.PackageRow | undefined;
    if (!before) {
      if (input.version !== undefined && input.version !== 1) throw staleVersion();
      [row] = await tx.insert(disseminationPackages).values({ agreementId, ...summary, createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now }).returning();
    } else {
      if (input.version === undefined || input.version !== before.version) throw staleVersion();
      if (before.status === 'published') {
        throw new AppError({ code: 'CONFLICT', message: 'Paket sudah diterbitkan dan tidak dapat diubah.', messageEn: 'The package is published and can no longer be edited.' });
      }
      [row] = await tx
        .update(disseminationPackages)
        .set({ ...summary, version: before.version + 1, updatedAt: ctx.now })
        .where(eq(disseminationPackages.id, before.id))
        .returning();
    }
    if (!row) throw new Error('package write returned nothing');
    await replaceContents(tx, row.id, input);
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

function mailText(publicUrl: string, title: string, agreementId: string, tasks: string[]): string {
  return [
    `Paket diseminasi kerja sama "${title}" telah diterbitkan oleh Bagian Kerja Sama.`,
    '',
    'Tugas OPD Anda:',
    ...tasks.map((task) => `- ${task}`),
    '',
    'Buka paket, konfirmasi penerimaan, lalu susun rencana kegiatan:',
    `${publicUrl}/app/dissemination/${agreementId}`,
  ].join('\n');
}

// Publishing sends the package to every OPD with a task: one in-app notice per liaison and an e-mail.
async function announce(tx: Db, mail: MailSettings, row: repo.PackageRow, title: string, now: Date): Promise<string[]> {
  const tasks = await repo.loadTasks(tx, [row.id]);
  const unitIds = [...new Set(tasks.map((task) => task.unitId))];
  if (unitIds.length > 0) {
    await tx.insert(disseminationRecipients).values(unitIds.map((unitId) => ({ packageId: row.id, unitId, sentAt: now }))).onConflictDoNothing();
  }
  const liaisons = await repo.usersOfUnits(tx, unitIds);
  const mailIds: string[] = [];
  for (const unitId of unitIds) {
    const people = liaisons.filter((user) => user.unitId === unitId);
    const ownTasks = tasks.filter((task) => task.unitId === unitId).map((task) => (task.dueOn ? `${task.commitment} (tenggat ${task.dueOn})` : task.commitment));
    await notifyUsers(
      tx,
      people.map((user) => user.id),
      { kind: 'dissemination_published', title: `Paket diseminasi: ${title}`, body: ownTasks.join('; '), link: `/app/dissemination/${row.agreementId}`, entity: 'dissemination_package', entityId: row.id },
      now,
    );
    for (const person of people) {
      mailIds.push(await queueMail(tx, mail, { to: person.email, subject: `Paket diseminasi kerja sama: ${title}`, text: mailText(mail.publicUrl, title, row.agreementId, ownTasks), entity: 'dissemination_package', entityId: row.id }, now));
    }
  }
  return mailIds;
}

const NEXT: Record<PackageAction, { from: repo.PackageRow['status']; to: repo.PackageRow['status'] }> = {
  submit: { from: 'draft', to: 'review' },
  return: { from: 'review', to: 'draft' },
  publish: { from: 'review', to: 'published' },
};

export async function transitionPackage(ctx: ActorCtx, agreementId: string, input: { action: PackageAction; version: number }, mail: MailSettings): Promise<PackageView> {
  const allowed = input.action === 'publish' ? canPublishPackage(ctx.actor) : canPreparePackage(ctx.actor);
  if (!allowed) throw forbidden();
  const { row, mailIds } = await ctx.db.transaction(async (tx) => {
    const agreement = await signedAgreement(tx, agreementId);
    const before = await repo.findPackage(tx, agreementId, { lock: true });
    if (!before) throw notFound(...PACKAGE_WHAT);
    if (before.version !== input.version) throw staleVersion();
    const step = NEXT[input.action];
    if (before.status !== step.from) {
      throw new AppError({
        code: 'CONFLICT',
        message: `Paket berstatus "${before.status}"; tindakan "${input.action}" tidak dapat dilakukan.`,
        messageEn: `The package is "${before.status}"; "${input.action}" is not possible now.`,
        field: 'action',
      });
    }
    if (input.action === 'publish') {
      const opportunities = await tx.select().from(disseminationOpportunities).where(eq(disseminationOpportunities.packageId, before.id)).orderBy(disseminationOpportunities.position);
      checkPublishable({ summaryWhat: before.summaryWhat, opportunities });
    }
    const patch =
      input.action === 'submit'
        ? { submittedBy: ctx.actor.id, submittedAt: ctx.now }
        : input.action === 'publish'
          ? { approvedBy: ctx.actor.id, approvedByName: ctx.actor.name, publishedAt: ctx.now }
          : {};
    const [updated] = await tx
      .update(disseminationPackages)
      .set({ status: step.to, ...patch, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(disseminationPackages.id, before.id))
      .returning();
    if (!updated) throw new Error('package update returned nothing');
    const queued = input.action === 'publish' ? await announce(tx, mail, updated, agreement.title, ctx.now) : [];
    await recordAudit(tx, { actor: ctx.actor, entity: 'dissemination_package', entityId: before.id, action: input.action, at: ctx.now, changes: [{ field: 'status', old: before.status, new: step.to }] });
    return { row: updated, mailIds: queued };
  });
  await deliverMail(ctx.db, mail, mailIds, ctx.now);
  return viewFor(ctx, ctx.db, row);
}

// The OPD confirms it received the package; a second confirmation changes nothing.
export async function acknowledgePackage(ctx: ActorCtx, agreementId: string): Promise<PackageView> {
  const row = await ctx.db.transaction(async (tx) => {
    const pkg = await repo.findPackage(tx, agreementId);
    if (!pkg || pkg.status !== 'published') throw notFound(...PACKAGE_WHAT);
    const recipients = await tx.select({ unitId: disseminationRecipients.unitId }).from(disseminationRecipients).where(eq(disseminationRecipients.packageId, pkg.id));
    if (!canAcknowledgePackage(ctx.actor, { status: pkg.status, recipientUnitIds: recipients.map((recipient) => recipient.unitId) })) throw forbidden();
    const unitId = ctx.actor.unitId ?? '';
    const where = and(eq(disseminationRecipients.packageId, pkg.id), eq(disseminationRecipients.unitId, unitId));
    const [current] = await tx.select().from(disseminationRecipients).where(where).for('update');
    if (current && !current.acknowledgedAt) {
      await tx
        .update(disseminationRecipients)
        .set({ acknowledgedAt: ctx.now, acknowledgedBy: ctx.actor.id, firstOpenedAt: current.firstOpenedAt ?? ctx.now, firstOpenedBy: current.firstOpenedBy ?? ctx.actor.id })
        .where(where);
      await recordAudit(tx, { actor: ctx.actor, entity: 'dissemination_package', entityId: pkg.id, action: 'acknowledge', at: ctx.now, changes: [{ field: 'acknowledgedAt', old: null, new: ctx.now.toISOString() }] });
    }
    return pkg;
  });
  return viewFor(ctx, ctx.db, row);
}

// Every package with its state and, per OPD told, sent / opened / acknowledged / planned.
export async function listTracking(ctx: ActorCtx): Promise<TrackingRow[]> {
  if (!canReadTracking(ctx.actor)) throw forbidden();
  const rows = await ctx.db
    .select({ id: disseminationPackages.id, agreementId: disseminationPackages.agreementId, title: agreements.title, status: disseminationPackages.status, publishedAt: disseminationPackages.publishedAt })
    .from(disseminationPackages)
    .innerJoin(agreements, eq(agreements.id, disseminationPackages.agreementId))
    .orderBy(desc(disseminationPackages.updatedAt));
  const recipients = await repo.loadRecipients(ctx.db, rows.map((row) => row.id));
  return rows.map((row) => ({
    agreementId: row.agreementId,
    agreementTitle: row.title,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    recipients: recipients.filter((recipient) => recipient.packageId === row.id).map(({ packageId: _packageId, ...recipient }) => recipient),
  }));
}
