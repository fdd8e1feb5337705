import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_SORTS, SearchQuerySchema, type SearchQueryInput } from '../../../shared/search';
import type { Actor } from '../../lib/context';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement, buildPartner } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { planSearch, searchAgreements } from './search.service';

// The pages of a list without words read agreement_search in the order of its own indexes (the
// title order from its own copy of the title, migration 0049). Whatever the filter, reader and
// sort, every page must hold exactly the rows a straightforward query over the agreements gives,
// in the same order: the title and the dates from agreements itself, ties by id.
describe('registry list: pages equal a reference query over the agreements', () => {
  let t: TestApp;
  const readers: Record<string, Actor> = {};
  let unitA = '';

  const REFERENCE_ORDER: Record<string, string> = {
    signed_desc: 'a.signed_on DESC NULLS LAST, a.id',
    relevance: 'a.signed_on DESC NULLS LAST, a.id',
    signed_asc: 'a.signed_on ASC NULLS LAST, a.id',
    title: 'lower(a.title), a.id',
    ends_asc: 'a.ends_on ASC NULLS LAST, a.id',
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    unitA = (await buildUnit(db, { name: 'Dinas Halaman A' })).id;
    const unitB = (await buildUnit(db, { name: 'Dinas Halaman B' })).id;
    const partners = [
      await buildPartner(db, { name: 'PT Halaman', categoryCode: 'swasta' }),
      await buildPartner(db, { name: 'Bank Halaman', categoryCode: 'bumd' }),
      await buildPartner(db, { name: 'Universitas Halaman', categoryCode: 'perguruan_tinggi_swasta' }),
    ];
    // Titles that differ only in case, that repeat (ties go by id), and that sort together by group,
    // as the generated register's do.
    const words = ['Air bersih', 'air Bersih', 'Beasiswa', 'beasiswa', 'Zonasi', 'Éco wisata', 'Pelatihan', 'Angkutan laut'];
    for (let index = 0; index < 40; index += 1) {
      const signedOn = index % 7 === 0 ? null : `${2018 + (index % 6)}-0${1 + (index % 9)}-1${index % 10}`;
      await buildAgreement(db, {
        title: `${words[index % words.length]} ${index % 3 === 0 ? '' : String(index % 5)}`.trim(),
        docType: (['KB', 'PKS', 'NK'] as const)[index % 3], kind: index % 4 === 0 ? 'SINERGI' : 'KSDPK',
        signedOn, startsOn: signedOn, endsOn: signedOn ? `${2024 + (index % 5)}-0${1 + (index % 8)}-01` : null,
        isDraft: signedOn === null, primarySectorCode: ['pendidikan', 'kesehatan'][index % 2],
        leadUnitId: index % 2 === 0 ? unitA : unitB, partners: [{ id: partners[index % 3]?.id ?? '' }],
      });
    }
    readers.admin = (await t.loginAs('admin')).user;
    readers.opd = (await t.loginAs('opd', { unitId: unitA })).user;
  });
  afterAll(async () => {
    await t.close();
  });

  async function reference(actor: Actor, input: SearchQueryInput, sort: string): Promise<string[]> {
    const ctx = { ...t.ctx(actor), actor };
    const { conditions } = await planSearch(ctx, SearchQuerySchema.parse(input));
    const rows = (await t.database.db.execute<{ id: string }>(
      sql`SELECT a.id FROM agreements a JOIN agreement_search ON agreement_search.agreement_id = a.id WHERE ${conditions.where() ?? sql`true`} ORDER BY ${sql.raw(REFERENCE_ORDER[sort] ?? '')}`,
    )) as { rows: { id: string }[] };
    return rows.rows.map((row) => row.id);
  }

  async function expectPagesEqualReference(label: string): Promise<void> {
    const filters: SearchQueryInput[] = [{}, { partnerGroup: ['swasta'] }, { partnerCategory: ['bumd', 'perguruan_tinggi_swasta'] }, { docType: ['PKS'], year: [2019, 2020] }, { status: ['aktif'] }, { unit: [unitA] }];
    for (const [role, actor] of Object.entries(readers)) {
      for (const input of filters) {
        for (const sort of SEARCH_SORTS) {
          const expected = await reference(actor, input, sort);
          const pages: string[] = [];
          for (let page = 1; page <= Math.ceil(expected.length / 6) + 1; page += 1) {
            const result = await searchAgreements({ ...t.ctx(actor), actor }, SearchQuerySchema.parse({ ...input, sort, page, pageSize: 6 }));
            pages.push(...result.items.map((item) => item.id));
          }
          expect(pages, `${label}: ${role} ${JSON.stringify(input)} sort=${sort}`).toEqual(expected);
        }
      }
    }
  }

  it('holds the same rows in the same order on every page, and follows an edited title', async () => {
    await expectPagesEqualReference('as built');
    const db = t.database.db;
    const moved = ((await db.execute<{ id: string }>(sql`SELECT id FROM agreements ORDER BY lower(title), id LIMIT 1`)) as { rows: { id: string }[] }).rows[0]?.id ?? '';
    await db.execute(sql`UPDATE agreements SET title = 'Zzz judul diubah' WHERE id = ${moved}`);
    await db.execute(sql`SELECT jalin_refresh_agreement_search(ARRAY[${moved}]::uuid[])`);
    expect(((await db.execute<{ title_sort: string }>(sql`SELECT title_sort FROM agreement_search WHERE agreement_id = ${moved}`)) as { rows: { title_sort: string }[] }).rows[0]?.title_sort).toBe('zzz judul diubah');
    await expectPagesEqualReference('after a title edit');
  });
});
