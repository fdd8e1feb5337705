import type { LightMyRequestResponse } from 'fastify';
import { makeTextPdf, multipartBody } from '../../../../../tests/support/pdf-fixtures';
import type { TestApp } from '../../../../../tests/support/test-app';
import type { ProcedureDocType } from '../../../../shared/procedures';
import type { CreateProposalInput, ProposalAction, ProposalView } from '../../../../shared/proposals';

// Helpers for the proposal suites: a valid body, uploads and actions through the real routes.

export function proposalPayload(overrides: Partial<CreateProposalInput> = {}): CreateProposalInput {
  return {
    kind: 'KSDPK',
    title: 'Kerja sama pelatihan digital bagi pelaku UMKM',
    plannedPartners: [{ name: 'PT Literasi Digital Nusantara', categoryCode: 'swasta' }],
    sectorCodes: ['umkm_koperasi'],
    latarBelakang: 'Pelaku UMKM di Ternate belum banyak memakai pembayaran digital.',
    maksudTujuan: 'Meningkatkan kemampuan pemasaran dan pembayaran digital pelaku UMKM.',
    ruangLingkup: 'Pelatihan, pendampingan dan penyediaan perangkat pembayaran digital.',
    manfaat: 'Omzet UMKM naik dan retribusi pasar dibayar secara digital.',
    jangkaWaktuBulan: 24,
    ...overrides,
  };
}

let pdf: Promise<Buffer> | null = null;
export function samplePdf(): Promise<Buffer> {
  pdf ??= makeTextPdf(['Dokumen usulan kerja sama untuk pengujian.']);
  return pdf;
}

export async function uploadDocument(t: TestApp, options: { url: string; cookie?: string; docType: string; content?: Buffer; fileName?: string; remoteAddress?: string }): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartBody({
    fields: { docType: options.docType },
    file: { fileName: options.fileName ?? `${options.docType}.pdf`, content: options.content ?? (await samplePdf()) },
  });
  return t.app.inject({
    method: 'POST',
    url: options.url,
    headers: { ...headers, ...(options.cookie ? { cookie: options.cookie } : {}) },
    payload,
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}

export async function uploadAll(t: TestApp, cookie: string, proposalId: string, docTypes: readonly ProcedureDocType[]): Promise<void> {
  for (const docType of docTypes) {
    const response = await uploadDocument(t, { url: `/api/proposals/${proposalId}/documents`, cookie, docType });
    if (response.statusCode !== 201) throw new Error(`upload ${docType}: ${response.statusCode} ${response.body}`);
  }
}

export async function readProposal(t: TestApp, cookie: string, id: string): Promise<ProposalView> {
  const response = await t.app.inject({ method: 'GET', url: `/api/proposals/${id}`, headers: { cookie } });
  if (response.statusCode !== 200) throw new Error(`read ${id}: ${response.statusCode} ${response.body}`);
  return response.json();
}

// Takes the action at the current version, as a person would after loading the page.
export async function act(t: TestApp, cookie: string, id: string, action: ProposalAction, options: { note?: string; versionFrom?: string } = {}) {
  const { version } = await readProposal(t, options.versionFrom ?? cookie, id);
  return t.app.inject({ method: 'POST', url: `/api/proposals/${id}/transitions`, headers: { cookie }, payload: { action, version, ...(options.note ? { note: options.note } : {}) } });
}

export async function createProposalAs(t: TestApp, cookie: string, overrides: Partial<CreateProposalInput> = {}): Promise<ProposalView> {
  const response = await t.app.inject({ method: 'POST', url: '/api/proposals', headers: { cookie }, payload: proposalPayload(overrides) });
  if (response.statusCode !== 201) throw new Error(`create: ${response.statusCode} ${response.body}`);
  return response.json();
}

// The test database is dropped WITH (FORCE) on close; a pooled connection still shutting down then
// reports that as an 'error' event on its pool, which has no listener in db/client.ts and would fail
// a run whose tests all passed.
export async function closeTestApp(t: TestApp): Promise<void> {
  if (t.database.kind === 'postgres') {
    const pool = (t.database.db as unknown as { $client: { on: (event: 'error', listener: () => void) => void } }).$client;
    pool.on('error', () => undefined);
  }
  await t.close();
}

// The public address the mails' links point to in tests of the public proposal form.
export const PUBLIC_URL = 'https://jalin.ternatekota.go.id';

// The token in a mailed confirmation or tracking link.
export function tokenIn(text: string, page: 'konfirmasi' | 'lacak'): string {
  const match = new RegExp(`${PUBLIC_URL}/usulan/${page}#([A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${page} link in: ${text}`);
  return match[1];
}
