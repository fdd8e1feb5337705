import { queueMail, type MailCtx } from '../mail/mail.service';
import { findRecipients, notifyUsers } from '../notifications/notifications.service';
import { findActiveRecipients } from '../users/users.service';
import { PUBLICATION_APPROVER_ROLES } from './dissemination.policy';
import * as repo from './dissemination.repository';

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

// Sends the published package to the given OPDs (every OPD with a task at publication, an OPD given
// its first task afterwards): each becomes a recipient, each liaison gets an in-app notice and an
// e-mail listing its own tasks. Returns the queued mails, delivered after the commit.
export async function announcePackage(ctx: MailCtx, notice: { row: repo.PackageRow; title: string; unitIds: string[] | 'all' }): Promise<string[]> {
  const { db: tx, mail, now } = ctx;
  const { row, title } = notice;
  const tasks = await repo.loadTasks(tx, [row.id]);
  const unitIds = [...new Set(tasks.map((task) => task.unitId))].filter((unitId) => notice.unitIds === 'all' || notice.unitIds.includes(unitId));
  await repo.addRecipients(tx, { packageId: row.id, unitIds, sentAt: now });
  const liaisons = await findActiveRecipients(tx, { unitIds });
  const mailIds: string[] = [];
  for (const unitId of unitIds) {
    const people = liaisons.filter((user) => user.unitId === unitId);
    const ownTasks = tasks.filter((task) => task.unitId === unitId).map((task) => (task.dueOn ? `${task.commitment} (tenggat ${task.dueOn})` : task.commitment));
    await notifyUsers(
      { db: tx, now },
      {
        userIds: people.map((user) => user.id),
        notice: { kind: 'dissemination_published', title: `Paket diseminasi: ${title}`, body: ownTasks.join('; '), link: `/app/dissemination/${row.agreementId}`, entity: 'dissemination_package', entityId: row.id },
      },
    );
    for (const person of people) {
      mailIds.push(await queueMail(ctx, { to: person.email, subject: `Paket diseminasi kerja sama: ${title}`, text: mailText(mail.publicUrl, title, row.agreementId, ownTasks), entity: 'dissemination_package', entityId: row.id }));
    }
  }
  return mailIds;
}

// Four eyes: everyone who may approve (another admin, the review team) is told in the app that a
// publication waits; the requester is not told of their own request.
export async function askForApproval(ctx: MailCtx, notice: { row: repo.PackageRow; title: string }): Promise<void> {
  const { row, title } = notice;
  const approvers = (await findRecipients(ctx.db, { roles: [...PUBLICATION_APPROVER_ROLES] })).filter((userId) => userId !== row.publicationRequestedBy);
  await notifyUsers(ctx, {
    userIds: approvers,
    notice: { kind: 'dissemination_approval', title: `Menunggu persetujuan penerbitan: ${title}`, body: `Diajukan oleh ${row.publicationRequestedByName ?? 'admin'}.`, link: `/app/dissemination/${row.agreementId}`, entity: 'dissemination_package', entityId: row.id },
  });
}

// The requester learns the request came back, and why.
export async function tellSentBack(ctx: MailCtx, notice: { row: repo.PackageRow; title: string; requestedBy: string }): Promise<void> {
  const { row, title } = notice;
  await notifyUsers(ctx, {
    userIds: [notice.requestedBy],
    notice: { kind: 'dissemination_sent_back', title: `Penerbitan dikembalikan: ${title}`, body: row.sentBackNote, link: `/app/dissemination/${row.agreementId}`, entity: 'dissemination_package', entityId: row.id },
  });
}
