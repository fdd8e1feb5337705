import type { ProposalAction } from '../../../shared/proposals';
import type { Db } from '../../db/client';
import { queueMail, type MailSettings } from '../mail/mail.service';
import { findRecipients, notifyUsers } from '../notifications/notifications.service';
import { loadProcedure } from '../procedures/procedures.service';
import type { TransitionActor } from './proposal-transitions.service';
import type { ProposalRow } from './proposals.repository';

const ACTION_WORDS: Record<ProposalAction, [string, string]> = {
  submit: ['diajukan', 'submitted'],
  validate: ['divalidasi', 'validated'],
  advance: ['berlanjut ke tahap berikutnya', 'moved to the next stage'],
  send_back: ['dikembalikan untuk diperbaiki', 'sent back for revision'],
  resume: ['dilanjutkan kembali', 'resumed'],
  reject: ['ditolak', 'rejected'],
  withdraw: ['dibatalkan', 'withdrawn'],
  register: ['terdaftar', 'registered'],
};

export function staffLink(proposalId: string): string {
  return `/app/proposals/${proposalId}`;
}

// The token travels in the fragment, which browsers never send to a server, so no log ever holds it.
export function publicLink(mail: MailSettings, page: 'konfirmasi' | 'lacak', token: string): string {
  return `${mail.publicUrl}/usulan/${page}#${token}`;
}

// Whoever did not act hears of it: the division when the initiator acts, the initiating OPD when the
// division acts; an outside initiator by e-mail. Written in the caller's transaction; returns mail ids.
export async function announceTransition(
  db: Db,
  mail: MailSettings,
  options: { row: ProposalRow; action: ProposalAction; note: string | null; by: TransitionActor; now: Date },
): Promise<string[]> {
  const { row, action, note, by, now } = options;
  const procedure = await loadProcedure(db, row.kind);
  const stageName = procedure.stages.find((stage) => stage.code === row.stageCode)?.name ?? row.stageCode;
  const [word, wordEn] = ACTION_WORDS[action];
  const byDivision = by.actor?.role === 'admin';
  const recipients = byDivision
    ? await findRecipients(db, { unitId: row.initiatorType === 'opd' ? row.unitId : null })
    : await findRecipients(db, { roles: ['admin'] });
  const body = [row.title, `Tahap: ${stageName}`, ...(note ? [`Catatan: ${note}`] : [])].join('\n');
  await notifyUsers(
    db,
    recipients.filter((id) => id !== by.actor?.id),
    { kind: `proposal_${action}`, title: `Usulan ${row.trackingCode} ${word}`, body, link: staffLink(row.id), entity: 'proposal', entityId: row.id },
    now,
  );
  if (row.initiatorType !== 'external' || !row.externalEmail || !byDivision) return [];
  const text = [
    `Yth. ${row.externalContactName ?? row.externalInstitution ?? ''},`,
    '',
    `Usulan kerja sama "${row.title}" (kode ${row.trackingCode}) ${word}.`,
    `Tahap saat ini: ${stageName}.`,
    ...(note ? ['', `Catatan Bagian Kerja Sama: ${note}`] : []),
    '',
    'Ikuti perkembangannya dan unggah dokumen yang diminta melalui tautan pelacakan pribadi yang telah kami kirimkan.',
    '',
    `(EN) Your cooperation proposal ${row.trackingCode} was ${wordEn}.`,
  ].join('\n');
  const id = await queueMail(db, mail, { to: row.externalEmail, subject: `Usulan ${row.trackingCode}: ${word}`, text, entity: 'proposal', entityId: row.id }, now);
  return [id];
}
