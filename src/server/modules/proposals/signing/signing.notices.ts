import { DRAFT_TYPE_LABELS, type SigningMode } from '../../../../shared/proposal-signing';
import type { Actor } from '../../../lib/context';
import { queueMail, type MailCtx } from '../../mail/mail.service';
import { findRecipients, notifyUsers } from '../../notifications/notifications.service';
import { staffLink } from '../core/proposals.notices';
import type { SigningRow } from './signing.repository';
import type { ProposalRow } from '../core/proposals.repository';

const MODE_WORDS: Record<SigningMode, [string, string]> = {
  desk_to_desk: ['secara desk to desk (naskah diedarkan untuk ditandatangani)', 'desk to desk (the document circulates for signature)'],
  seremonial: ['dalam acara seremonial', 'at a ceremony'],
  hibrida: ['secara hibrida (sebagian hadir, sebagian daring)', 'hybrid (partly in person, partly online)'],
};

// Those who sign or attend hear of the date: the initiating OPD in the app, an outside initiator by
// e-mail. Written in the caller's transaction; returns the ids of the queued mail.
export async function announceSigning(ctx: MailCtx, options: { proposal: ProposalRow; signing: SigningRow; rescheduled: boolean; by: Actor }): Promise<string[]> {
  const { db, now } = ctx;
  const { proposal, signing } = options;
  const label = DRAFT_TYPE_LABELS[signing.docType];
  const [mode, modeEn] = MODE_WORDS[signing.mode];
  const verb = options.rescheduled ? 'dijadwalkan ulang' : 'dijadwalkan';
  const when = `${signing.scheduledOn} di ${signing.place}, ${mode}`;
  const recipients = proposal.initiatorType === 'opd' ? await findRecipients(db, { unitId: proposal.unitId }) : [];
  await notifyUsers(
    { db, now },
    {
      userIds: recipients.filter((id) => id !== options.by.id),
      notice: { kind: 'proposal_signing_schedule', title: `Penandatanganan ${label.id} ${verb}`, body: `${proposal.title}\n${when}`, link: staffLink(proposal.id), entity: 'proposal', entityId: proposal.id },
    },
  );
  if (proposal.initiatorType !== 'external' || !proposal.externalEmail) return [];
  const text = [
    `Yth. ${proposal.externalContactName ?? proposal.externalInstitution ?? ''},`,
    '',
    `Penandatanganan ${label.id} "${proposal.title}" (kode ${proposal.trackingCode}) ${verb} pada ${when}.`,
    ...(signing.note ? ['', `Catatan: ${signing.note}`] : []),
    '',
    `(EN) The signing of the ${label.en} for proposal ${proposal.trackingCode} is ${options.rescheduled ? 'rescheduled' : 'scheduled'}: ${signing.scheduledOn}, ${signing.place}, ${modeEn}.`,
  ].join('\n');
  const id = await queueMail(ctx, { to: proposal.externalEmail, subject: `Usulan ${proposal.trackingCode}: penandatanganan ${verb}`, text, entity: 'proposal', entityId: proposal.id });
  return [id];
}
