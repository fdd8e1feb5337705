import type { AgreementView, CreateAgreementInput } from '../../../src/shared/agreements';
import type { MasterData } from '../../../src/shared/master';
import type { PartnerView } from '../../../src/shared/partners';
import { makeTextPdf } from '../../support/pdf-fixtures';
import { E2E_ADMIN } from './server';

// Rows a test needs but does not create through the screens: made through the same API, with a session.
export type ApiClient = {
  master: MasterData;
  request: <T>(method: string, path: string, body?: unknown) => Promise<T>;
  createAgreement: (overrides: Partial<CreateAgreementInput>) => Promise<AgreementView>;
  createPartner: (name: string, categoryCode: string) => Promise<PartnerView>;
  // The signed PDF, uploaded as the Dokumen tab does: with isPublic chosen, what puts an agreement on the portal.
  attachSignedDocument: (agreementId: string) => Promise<void>;
};

export async function apiClient(baseUrl: string, account = E2E_ADMIN): Promise<ApiClient> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const master = await request<MasterData>('GET', '/master');
  const firstUnit = master.units[0];
  if (!firstUnit) throw new Error('no OPD in the master data');
  return {
    master,
    request,
    createAgreement: (overrides) =>
      request<AgreementView>('POST', '/agreements', {
        // A PKS without its KB needs a reason; tests that want a parent name it.
        ...(overrides.docType === 'PKS' && !overrides.parentId ? { noParentReason: 'Uji: PKS tanpa KB' } : {}),
        docType: 'KB',
        kind: 'KSDPK',
        title: 'Kesepakatan bersama uji',
        signedOn: '2025-03-10',
        startsOn: '2025-03-10',
        endsOn: '2028-03-09',
        partners: [{ name: 'PT Mitra Uji', categoryCode: 'swasta' }],
        leadUnitId: firstUnit.id,
        primarySectorCode: 'pendidikan',
        ...overrides,
      }),
    createPartner: (name, categoryCode) => request<PartnerView>('POST', '/partners', { name, categoryCode }),
    attachSignedDocument: async (agreementId) => {
      const form = new FormData();
      form.append('kind', 'naskah_ttd');
      form.append('isPublic', 'false');
      form.append('file', new Blob([new Uint8Array(await makeTextPdf(['Naskah bertanda tangan']))], { type: 'application/pdf' }), 'naskah-ttd.pdf');
      const response = await fetch(`${baseUrl}/api/agreements/${agreementId}/documents`, { method: 'POST', headers: { cookie }, body: form });
      if (!response.ok) throw new Error(`signed document upload: ${response.status} ${await response.text()}`);
    },
  };
}
