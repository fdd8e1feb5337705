import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationListResponse } from '../../src/shared/notifications';
import type { ConfirmProposalResponse, ProposalView, PublicProposalAccepted, PublicProposalInput } from '../../src/shared/proposals';
import { startSmtpSink, type SmtpSink } from '../../src/server/modules/mail/smtp-sink.test-support';
import { makeTextPdf } from '../support/pdf-fixtures';
import { apiClient, type ApiClient } from './support/api';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, PHONE, screenshot } from './support/browser';
import { CONFIRM_LINK, openMailedLink, waitForMail } from './support/mail';
import { startApp, type RunningApp } from './support/server';

const TITLE = 'Riset budidaya rumput laut di perairan Ternate';
const INSTITUTION = 'Universitas Khairun';
const EMAIL = 'lppm@unkhair.example';
const REQUEST = 'Mohon lampirkan studi kelayakan budidaya rumput laut.';

describe('an outside initiator resubmits a revised proposal through the tracking link', () => {
  let running: RunningApp;
  let sink: SmtpSink;
  let browser: Browser;
  let phone: Page;
  let api: ApiClient;

  beforeAll(async () => {
    sink = await startSmtpSink();
    [running, browser] = await Promise.all([startApp({ SMTP_URL: sink.url }), launchBrowser()]);
    api = await apiClient(running.baseUrl);
    phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'id-ID' })).newPage();
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
    await sink.close();
  });

  const publicPost = async <T>(path: string, init: RequestInit): Promise<T> => {
    const response = await fetch(`${running.baseUrl}/api/public/proposals${path}`, init);
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const uploadThroughLink = async (token: string, docType: string, fileName: string) => {
    const body = new FormData();
    body.append('docType', docType);
    body.append('file', new Blob([new Uint8Array(await makeTextPdf([`Dokumen ${docType} riset rumput laut`]))], { type: 'application/pdf' }), fileName);
    await publicPost(`/track/${token}/documents`, { method: 'POST', body });
  };

  it('reads the request, uploads the missing document and resubmits the proposal itself', async () => {
    // The university proposes through the public form's API, confirms its address and sends two of
    // the three documents the registration stage asks of an outside party.
    const { master } = api;
    const form: PublicProposalInput = {
      kind: 'KSDPK',
      title: TITLE,
      plannedPartners: [{ name: INSTITUTION, categoryCode: master.partnerCategories[0]?.code ?? '' }],
      sectorCodes: [master.sectors[0]?.code ?? ''],
      latarBelakang: 'Perairan Ternate cocok untuk budidaya rumput laut tetapi belum diteliti.',
      maksudTujuan: 'Meneliti dan mendampingi budidaya rumput laut bersama nelayan.',
      ruangLingkup: 'Riset lapangan, pelatihan dan pendampingan kelompok nelayan.',
      manfaat: 'Pendapatan nelayan bertambah dari budidaya rumput laut.',
      initiator: { institution: INSTITUTION, contactName: 'Dr. Nurlaila Umar', email: EMAIL },
      idempotencyKey: randomUUID(),
    };
    const json = { method: 'POST', headers: { 'content-type': 'application/json' } };
    const accepted = await publicPost<PublicProposalAccepted>('', { ...json, body: JSON.stringify(form) });
    const confirmToken = CONFIRM_LINK.exec((await waitForMail(sink, /^Konfirmasi usulan/)).text)?.[0].split('#')[1] ?? '';
    const { trackingToken } = await publicPost<ConfirmProposalResponse>('/confirm', { ...json, body: JSON.stringify({ token: confirmToken }) });
    await uploadThroughLink(trackingToken, 'surat_penawaran', 'surat-penawaran-unkhair.pdf');
    await uploadThroughLink(trackingToken, 'kak', 'kak-rumput-laut.pdf');

    // The division sends it back asking for the feasibility study.
    const queue = await api.request<{ items: { id: string; trackingCode: string }[] }>('GET', '/proposals');
    const id = queue.items.find((item) => item.trackingCode === accepted.trackingCode)?.id ?? '';
    const before = await api.request<ProposalView>('GET', `/proposals/${id}`);
    await api.request<ProposalView>('POST', `/proposals/${id}/transitions`, { action: 'send_back', version: before.version, note: REQUEST });

    // The initiator opens the mailed link, reads the request and tries to resubmit too early.
    await openMailedLink(phone, sink, { subject: /^Tautan pelacakan/, to: EMAIL, link: /http:\/\/\S+\/usulan\/lacak#\S+/ });
    await phone.getByRole('heading', { name: TITLE }).waitFor();
    await phone.getByText(REQUEST, { exact: false }).waitFor();
    const resubmit = phone.getByRole('button', { name: 'Kirim ulang usulan' });
    await resubmit.waitFor();
    await expectAccessible(phone);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'tracking-resubmit-sent-back-phone');
    await resubmit.click();
    await phone.locator('#resubmit-result').getByText('Unggah dulu dokumen yang masih diperlukan: Studi kelayakan').waitFor();

    // The feasibility study goes up, then the proposal goes back to the division with a note.
    await phone.locator('#docType').selectOption('studi_kelayakan');
    await phone.locator('#file').setInputFiles({ name: 'studi-kelayakan.pdf', mimeType: 'application/pdf', buffer: await makeTextPdf(['Studi kelayakan budidaya rumput laut']) });
    await phone.getByRole('button', { name: 'Unggah' }).click();
    await phone.getByText('Dokumen diterima: studi-kelayakan.pdf').waitFor();
    await phone.getByLabel('Catatan untuk Bagian Kerja Sama (opsional)').fill('Studi kelayakan sudah kami lampirkan.');
    await resubmit.click();
    await phone.getByText('Usulan telah dikirim ulang. Bagian Kerja Sama melanjutkan prosesnya.').waitFor();
    expect(await phone.locator('.facts dd').nth(2).textContent()).toBe('Sedang diproses');
    expect(await resubmit.isVisible()).toBe(false);
    await expectAccessible(phone);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'tracking-resubmit-done-phone');

    // The division sees who resubmitted it, and was told.
    const after = await api.request<ProposalView>('GET', `/proposals/${id}`);
    expect(after.state).toBe('aktif');
    expect(after.timeline.at(-1)).toMatchObject({ action: 'resume', actorLabel: `pemrakarsa: ${INSTITUTION} (tautan pelacakan)`, note: 'Studi kelayakan sudah kami lampirkan.' });
    const notices = await api.request<NotificationListResponse>('GET', '/notifications');
    expect(notices.items).toContainEqual(expect.objectContaining({ kind: 'proposal_resume', entityId: id }));
  });
});
