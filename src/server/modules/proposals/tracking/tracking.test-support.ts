import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import type { ConfirmProposalResponse, PublicProposalAccepted, PublicProposalInput } from '../../../../shared/proposals';
import { startSmtpSink, type SmtpSink } from '../../mail/smtp-sink.test-support';
import { closeTestApp, proposalPayload, PUBLIC_URL, tokenIn, uploadDocument } from '../core/proposals.test-support';
import { proposals } from '../core/proposals.table';

// The outside initiator's side of a proposal: the public form, the mailed links, uploads through
// the private link. Each test file starts one app with a mail sink and an admin session.
export type PublicIntake = { t: TestApp; sink: SmtpSink; admin: string; nextAddress: () => string };

// Every request speaks from its own address (prefix.1, prefix.2 …), so that the per-address limit
// is met only where a test means to.
export async function startPublicIntake(options: { addressPrefix: string }): Promise<PublicIntake> {
  const sink = await startSmtpSink();
  const t = await createTestApp({ env: { SMTP_URL: sink.url, JALIN_PUBLIC_URL: PUBLIC_URL } });
  const admin = (await t.loginAs('admin')).cookie;
  let address = 0;
  return { t, sink, admin, nextAddress: () => `${options.addressPrefix}.${String((address += 1))}` };
}

export async function closePublicIntake(intake: PublicIntake): Promise<void> {
  await closeTestApp(intake.t);
  await intake.sink.close();
}

// The public form filled in by an outside institution, each time with a new address and key.
export function publicForm(initiator: { institution: string; contactName: string; mailbox: string; domain: string }, overrides: Partial<PublicProposalInput> = {}): PublicProposalInput {
  const { kind, title, plannedPartners, sectorCodes, latarBelakang, maksudTujuan, ruangLingkup, manfaat } = proposalPayload();
  return {
    kind, title, plannedPartners, sectorCodes, latarBelakang, maksudTujuan, ruangLingkup, manfaat,
    initiator: { institution: initiator.institution, contactName: initiator.contactName, email: `${initiator.mailbox}.${randomUUID().slice(0, 8)}@${initiator.domain}` },
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

export function mailsTo(intake: PublicIntake, email: string) {
  return intake.sink.mails.filter((mail) => mail.to.includes(email));
}

// Sends the form and confirms it with the mailed link; the tracking token comes with the confirmation.
export async function submitPublicProposal(intake: PublicIntake, payload: PublicProposalInput) {
  const { t, nextAddress } = intake;
  const accepted: PublicProposalAccepted = (await t.app.inject({ method: 'POST', url: '/api/public/proposals', payload, remoteAddress: nextAddress() })).json();
  const [confirmation] = mailsTo(intake, payload.initiator.email);
  const confirmed = await t.app.inject({ method: 'POST', url: '/api/public/proposals/confirm', payload: { token: tokenIn(confirmation?.text ?? '', 'konfirmasi') }, remoteAddress: nextAddress() });
  const [row] = await t.database.db.select().from(proposals).where(eq(proposals.trackingCode, accepted.trackingCode));
  return { payload, accepted, trackingToken: confirmed.json<ConfirmProposalResponse>().trackingToken, id: row?.id ?? '' };
}

// An upload through the private link, as the initiator's browser sends it.
export async function uploadViaLink(intake: PublicIntake, options: { token: string; docType: string; content?: Buffer }): Promise<LightMyRequestResponse> {
  return uploadDocument(intake.t, { url: `/api/public/proposals/track/${options.token}/documents`, docType: options.docType, ...(options.content ? { content: options.content } : {}), remoteAddress: intake.nextAddress() });
}
