import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../../../tests/support/report-files';
import { buildAgreement, buildPartner } from '../../../../tests/support/registry-builders';
import { caller, signInRoles } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { RenewalView } from '../../../shared/renewal';

// Foreign cooperations around 2026-12-04 (Ternate): the draft letter to the Minister
// (Permendagri 25/2020 Ps 33(2)) is offered from 12 months before the end.
describe('extension letter', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof signInRoles>>;
  const call = caller(() => t.app);
  const url = (id: string) => `/api/agreements/${id}/extension-letter.docx`;
  let ids: Record<'open' | 'late' | 'early' | 'domestic' | 'ended', string>;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-12-04T03:00:00Z') });
    s = await signInRoles(t);
    const partner = await buildPartner(t.database.db, { name: 'Kumamoto International Foundation', categoryCode: 'luar_negeri' });
    const foreign = async (endsOn: string, extra: Parameters<typeof buildAgreement>[1] = {}) =>
      (await buildAgreement(t.database.db, { leadUnitId: s.unit.id, kind: 'KSDLL', signedOn: '2022-08-01', startsOn: '2022-08-01', endsOn, partners: [{ id: partner.id }], ...extra })).id;
    ids = {
      open: await foreign('2027-07-31', { numberOurs: '070/KSDLL/VIII/2022', numberPartner: 'KIF-2022-08', title: 'Kerja sama pertukaran pelajar' }),
      late: await foreign('2027-03-31', { kind: 'KSDPL', numberOurs: '071/KSDPL/2022' }),
      early: await foreign('2028-01-31'),
      domestic: await foreign('2027-07-31', { kind: 'KSDPK', partners: [{ name: 'PT Mitra Dalam Negeri', categoryCode: 'swasta' }] }),
      ended: await foreign('2026-11-30'),
    };
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets the division and the review team draft it, not an OPD nor the pimpinan', async () => {
    expect((await call('GET', url(ids.open), '')).statusCode).toBe(401);
    for (const [who, cookie, status] of [['admin', s.admin, 200], ['tkksd', s.tkksd, 200], ['opd', s.opdOwn, 403], ['pimpinan', s.pimpinan, 403]] as const) {
      expect((await call('GET', url(ids.open), cookie)).statusCode, who).toBe(status);
    }
  });

  it('addresses the Minister through the Secretary General, copied to the Governor and the DPRD, with both agreement numbers', async () => {
    const response = await call('GET', url(ids.open), s.admin);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain('usul-perpanjangan-070-KSDLL-VIII-2022.docx');
    const text = await docxText(response.rawPayload);
    expect(text).toContain('Yth. Menteri Dalam Negeri Republik Indonesia');
    expect(text).toContain('c.q. Sekretaris Jenderal Kementerian Dalam Negeri');
    expect(text).toContain('Pasal 33 ayat (2) Peraturan Menteri Dalam Negeri Nomor 25 Tahun 2020');
    expect(text).toContain('070/KSDLL/VIII/2022');
    expect(text).toContain('KIF-2022-08');
    expect(text).toContain('Kumamoto International Foundation');
    expect(text).toContain('Kerja sama pertukaran pelajar');
    expect(text).toContain('31 Juli 2027');
    expect(text).toContain('Gubernur Maluku Utara');
    expect(text).toContain('Ketua DPRD Kota Ternate');
    expect(text).not.toContain('CATATAN DRAF');
  });

  it('still offers a late letter, with a warning that the deadline has passed', async () => {
    const response = await call('GET', url(ids.late), s.tkksd);
    expect(response.statusCode).toBe(200);
    const text = await docxText(response.rawPayload);
    expect(text).toContain('CATATAN DRAF');
    expect(text).toContain('30 September 2026');
    expect(text).toContain('071/KSDPL/2022');
    const view = (await call('GET', `/api/agreements/${ids.late}/renewal`, s.admin)).json<RenewalView>();
    expect(view.extensionLetter).toEqual({ state: 'late', opensOn: '2026-03-31', dueOn: '2026-09-30', canDraft: true });
  });

  it('refuses, saying why, a domestic cooperation, an ended one and one more than 12 months from its end', async () => {
    const refused = async (id: string) => {
      const response = await call('GET', url(id), s.admin);
      expect(response.statusCode).toBe(422);
      return response.json<{ error: { message: string } }>().error.message;
    };
    expect(await refused(ids.domestic)).toContain('hanya untuk kerja sama dengan pihak luar negeri');
    expect(await refused(ids.ended)).toContain('tidak sedang berlaku');
    expect(await refused(ids.early)).toContain('mulai 31 Januari 2027');
  });

  it('tells the renewal panel whether the reader may draft it', async () => {
    const forAdmin = (await call('GET', `/api/agreements/${ids.open}/renewal`, s.admin)).json<RenewalView>();
    expect(forAdmin.extensionLetter).toEqual({ state: 'open', opensOn: '2026-07-31', dueOn: '2027-01-31', canDraft: true });
    const forLead = (await call('GET', `/api/agreements/${ids.open}/renewal`, s.opdOwn)).json<RenewalView>();
    expect(forLead.extensionLetter.canDraft).toBe(false);
    const early = (await call('GET', `/api/agreements/${ids.early}/renewal`, s.admin)).json<RenewalView>();
    expect(early.extensionLetter).toMatchObject({ state: 'too_early', canDraft: false });
  });
});
