import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchQuerySchema, type AgreementSearchResult, type SearchQueryInput } from '../../../shared/search';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement, buildPartner } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { scaleCounts, type WordLimits } from './search-estimate.rules';
import { registryStatus } from './search-filters.repository';
import { effectiveSort } from './search.repository';
import { planSearch } from './search.service';
import { searchWords, type WordsResult } from './search-words.service';

// Common words in a large registry are answered from a sample (search-estimate.repository.ts). With a sample
// of the whole registry the estimate must equal the exact search, so every path of the estimate is
// checked here against the exact answer on a small registry; the scaling itself is checked apart.
const EXACT: WordLimits = { exactMaxRows: Number.POSITIVE_INFINITY, sampleRows: 1, estimateFromHits: 1, rankedCandidates: 1, indexRouteMaxHits: null };
const WHOLE_SAMPLE: WordLimits = { exactMaxRows: -1, sampleRows: 1e9, estimateFromHits: 1, rankedCandidates: 1000, indexRouteMaxHits: null };
// The page's two routes (search-estimate-page.repository.ts), each forced.
const ROUTES: Record<'walk' | 'index', Partial<WordLimits>> = { walk: { indexRouteMaxHits: 0 }, index: { indexRouteMaxHits: Number.POSITIVE_INFINITY } };

describe('registry list: estimated counts for common words', () => {
  let t: TestApp;
  let admin: string;
  let adminUser: Awaited<ReturnType<TestApp['loginAs']>>['user'];

  beforeAll(async () => {
    t = await createTestApp();
    ({ cookie: admin, user: adminUser } = await t.loginAs('admin'));
    const db = t.database.db;
    const units = [(await buildUnit(db, { name: 'Dinas Kelautan Uji' })).id, (await buildUnit(db, { name: 'Dinas Pariwisata Uji' })).id];
    const docTypes = ['KB', 'PKS', 'NK'] as const;
    const sectors = ['pendidikan', 'kesehatan', 'umkm_koperasi'];
    const partners = [];
    for (let index = 0; index < 4; index += 1) partners.push(await buildPartner(db, { name: `Mitra Uji ${index}`, categoryCode: index % 2 === 0 ? 'swasta' : 'bumd' }));
    for (let index = 0; index < 30; index += 1) {
      const year = 2015 + (index % 9);
      const date = `${year}-0${1 + (index % 9)}-1${index % 10}`;
      // A third name the words in the title (some twice, in the scope too), a third only in a document.
      const title = index % 3 === 0 ? `Rehabilitasi terumbu karang ${index}` : `Kerja sama wilayah ${index}`;
      const scope = index % 6 === 0 ? 'Pemantauan terumbu karang dan terumbu buatan' : 'Kegiatan bersama';
      const agreement = await buildAgreement(db, {
        title, scope, docType: docTypes[index % 3], signedOn: date, startsOn: date, endsOn: `${year + 3 + (index % 5)}-12-31`,
        primarySectorCode: sectors[index % 3], otherSectorCodes: index % 4 === 0 ? ['pendidikan'] : [], leadUnitId: units[index % 2],
        partners: [{ id: partners[index % 4]?.id ?? '' }],
      });
      if (index % 3 === 1) {
        await db.execute(sql`INSERT INTO documents (agreement_id, kind, file_name, mime_type, size_bytes, sha256, storage_key, page_count, text_content)
          VALUES (${agreement.id}, 'naskah_ttd', 'naskah.pdf', 'application/pdf', 1000, md5(${agreement.id}), ${`documents/${agreement.id}.pdf`}, 1,
            'Pasal 3. Para pihak memulihkan terumbu di pesisir.')`);
      }
    }
  });
  afterAll(async () => {
    await t.close();
  });

  async function words(input: SearchQueryInput, limits: WordLimits): Promise<WordsResult> {
    const query = SearchQuerySchema.parse(input);
    const plan = await planSearch({ ...t.ctx(adminUser), actor: adminUser }, query);
    const { tsQuery } = plan.conditions;
    if (!tsQuery) throw new Error('a query with words is needed');
    return searchWords(t.database.db, {
      conditions: plan.conditions, tsQuery, statusSql: registryStatus(plan.bounds), sort: effectiveSort(query.sort, true),
      limit: query.pageSize, offset: (query.page - 1) * query.pageSize, limits,
    });
  }

  const sortedCounts = (result: WordsResult) =>
    result.counts.map(({ facet, value, count }) => ({ facet, value, count })).sort((x, y) => `${x.facet}|${x.value}`.localeCompare(`${y.facet}|${y.value}`));

  it.each(['walk', 'index'] as const)('equals the exact search when the sample is the whole registry, for every order and with filters (%s)', async (route) => {
    const queries: SearchQueryInput[] = [
      { q: 'terumbu' },
      { q: 'terumbu', sort: 'signed_desc' },
      { q: 'terumbu', sort: 'signed_asc', page: 2, pageSize: 5 },
      { q: 'terumbu', sort: 'title' },
      { q: 'terumbu', sort: 'ends_asc' },
      { q: 'terumbu', docType: ['PKS', 'NK'], sector: ['pendidikan'] },
      { q: 'terumbu', year: [2016, 2019], unit: undefined, status: ['aktif'] },
      { q: 'terumbu karang' },
      { q: 'pesisir', sort: 'title' },
    ];
    for (const query of queries) {
      const exact = await words(query, EXACT);
      const estimated = await words(query, { ...WHOLE_SAMPLE, ...ROUTES[route] });
      expect(exact.facetsAreEstimates).toBe(false);
      expect(estimated.facetsAreEstimates, JSON.stringify(query)).toBe(true);
      expect(estimated.page, JSON.stringify(query)).toEqual(exact.page);
      expect(sortedCounts(estimated), JSON.stringify(query)).toEqual(sortedCounts(exact));
    }
  });

  it.each(['walk', 'index'] as const)('says the total is an estimate only when the page did not read every hit (%s)', async (route) => {
    const exact = await words({ q: 'terumbu', sort: 'signed_desc', pageSize: 100 }, EXACT);
    const hits = exact.counts.find((row) => row.facet === 'total')?.count ?? 0;
    expect(hits).toBe(20);
    const allRead = await words({ q: 'terumbu', sort: 'signed_desc', pageSize: 100 }, { ...WHOLE_SAMPLE, ...ROUTES[route] });
    expect(allRead.totalIsEstimate).toBe(false);
    const onePage = await words({ q: 'terumbu', sort: 'signed_desc', pageSize: 5 }, { ...WHOLE_SAMPLE, ...ROUTES[route] });
    expect(onePage.totalIsEstimate).toBe(true);
    expect(onePage.counts.find((row) => row.facet === 'total')?.count).toBe(hits);
    expect(onePage.page).toEqual(exact.page.slice(0, 5));
  });

  it.each(['walk', 'index'] as const)('ranks only the newest hits when capped, then continues newest first (%s)', async (route) => {
    const all = await words({ q: 'terumbu', pageSize: 100 }, EXACT);
    const byDate = await words({ q: 'terumbu', sort: 'signed_desc', pageSize: 100 }, EXACT);
    const rankOf = new Map(all.page.map((row) => [row.id, row.rank]));
    const newest = byDate.page.slice(0, 6).map((row) => row.id);
    const expected = [
      ...[...newest].sort((x, y) => (rankOf.get(y) ?? 0) - (rankOf.get(x) ?? 0) || newest.indexOf(x) - newest.indexOf(y)),
      ...byDate.page.slice(6).map((row) => row.id),
    ];
    const capped = await words({ q: 'terumbu', pageSize: 100 }, { ...WHOLE_SAMPLE, ...ROUTES[route], rankedCandidates: 6 });
    expect(capped.page.map((row) => row.id)).toEqual(expected);
    expect(capped.rankedAmongNewest).toBe(6);
    expect(capped.page.map((row) => row.rank)).toEqual(expected.map((id) => rankOf.get(id)));
    const secondPage = await words({ q: 'terumbu', page: 2, pageSize: 4 }, { ...WHOLE_SAMPLE, ...ROUTES[route], rankedCandidates: 6 });
    expect(secondPage.page.map((row) => row.id)).toEqual(expected.slice(4, 8));
  });

  it('answers rare words and small registries exactly', async () => {
    const rare = await words({ q: 'terumbu' }, { ...WHOLE_SAMPLE, estimateFromHits: 1000 });
    expect(rare.facetsAreEstimates).toBe(false);
    expect(rare.totalIsEstimate).toBe(false);
    const response = await t.app.inject({ method: 'GET', url: '/api/agreements?q=terumbu', headers: { cookie: admin } });
    const body = response.json<AgreementSearchResult>();
    expect(body.total).toBe(20);
    expect({ totalIsEstimate: body.totalIsEstimate, facetsAreEstimates: body.facetsAreEstimates, rankedAmongNewest: body.rankedAmongNewest }).toEqual({
      totalIsEstimate: false, facetsAreEstimates: false, rankedAmongNewest: null,
    });
  });

  it('gives the same estimate for the same registry every time', async () => {
    const limits: WordLimits = { ...WHOLE_SAMPLE, sampleRows: 10, estimateFromHits: 0 };
    const first = await words({ q: 'terumbu' }, limits);
    expect(await words({ q: 'terumbu' }, limits)).toEqual(first);
  });

  it('scales sample counts to the registry, keeping every value the sample saw', () => {
    const rows = [
      { facet: 'total' as const, value: null, count: 50 },
      { facet: 'year' as const, value: '2020', count: 1 },
      { facet: 'docType' as const, value: 'KB', count: 0 },
    ];
    expect(scaleCounts(rows, 2.5).map((row) => row.count)).toEqual([2000, 40, 0]);
    expect(scaleCounts([{ facet: 'year', value: '2020', count: 1 }], 100 * 1.5).map((row) => row.count)).toEqual([1]);
  });
});
