import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchQuerySchema, type SearchQueryInput } from '../../../shared/search';
import type { Actor } from '../../lib/context';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement, buildPartner } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { countRows } from './search-facets.repository';
import { toFacets } from './search-facets.service';
import { registryStatus } from './search-filters.repository';
import { planSearch, searchAgreements } from './search.service';

// A list without words takes its counts from what is kept per registry revision (the whole
// registry's counts, the counts per facet value) wherever that is exact. Every such path must give
// exactly what one full count over the matches gives, for every kind of reader.
describe('registry list: kept counts equal a full count', () => {
  let t: TestApp;
  let unitA: string;
  let unitB: string;
  const readers: Record<string, Actor> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    unitA = (await buildUnit(db, { name: 'Dinas Hitung Uji A' })).id;
    unitB = (await buildUnit(db, { name: 'Dinas Hitung Uji B' })).id;
    const partners = [
      await buildPartner(db, { name: 'PT Hitung Swasta', categoryCode: 'swasta' }),
      await buildPartner(db, { name: 'Bank Hitung Daerah', categoryCode: 'bumd' }),
      await buildPartner(db, { name: 'Provinsi Hitung', categoryCode: 'pemerintah_provinsi' }),
    ];
    const docTypes = ['KB', 'PKS', 'NK'] as const;
    const sectors = ['pendidikan', 'kesehatan', 'umkm_koperasi', 'pariwisata_kebudayaan'];
    for (let index = 0; index < 24; index += 1) {
      const year = 2019 + (index % 5);
      const signedOn = `${year}-0${1 + (index % 9)}-15`;
      await buildAgreement(db, {
        docType: docTypes[index % 3], kind: index % 4 === 0 ? 'SINERGI' : 'KSDPK', signedOn, startsOn: signedOn,
        // Ends spread around today (2026-06-15 in the test clock): ended, ending soon, running.
        endsOn: `${2025 + (index % 4)}-0${1 + (index % 8)}-01`, isDraft: index % 7 === 0,
        primarySectorCode: sectors[index % 4], otherSectorCodes: index % 3 === 0 ? ['pendidikan', 'pariwisata_kebudayaan'] : [],
        leadUnitId: index % 2 === 0 ? unitA : unitB, supportingUnitIds: index % 5 === 0 ? [unitA] : [],
        partners: [{ id: partners[index % 3]?.id ?? '' }],
      });
    }
    readers.admin = (await t.loginAs('admin')).user;
    readers.pimpinan = (await t.loginAs('pimpinan')).user;
    readers.opd = (await t.loginAs('opd', { unitId: unitA })).user;
  });
  afterAll(async () => {
    await t.close();
  });

  const queries = (): SearchQueryInput[] => [
    {},
    { docType: ['PKS'] },
    { docType: ['PKS', 'NK'] },
    { year: [2020, 2022] },
    { status: ['aktif', 'akan_berakhir'] },
    { sector: ['pendidikan'] },
    { sector: ['pendidikan', 'pariwisata_kebudayaan'] },
    { unit: [unitA] },
    { partnerGroup: ['swasta'] },
    { partnerCategory: ['bumd', 'swasta'] },
    { docType: ['KB'], year: [2021] },
    { sector: ['pariwisata_kebudayaan'], status: ['berakhir'] },
    { unit: [unitB], partnerCategory: ['pemerintah_provinsi'] },
    { docType: ['KB'], year: [2021], kind: ['KSDPK'] },
    { health: ['dorman'] },
    { health: ['perlu_perhatian', 'sehat'], docType: ['PKS'] },
    { health: ['dorman'], sector: ['pendidikan'], unit: [unitA] },
  ];

  it('gives the same total and facets as a full count, for every reader, before and after the registry changes', async () => {
    for (const round of [1, 2]) {
      for (const [role, actor] of Object.entries(readers)) {
        const ctx = { ...t.ctx(actor), actor };
        for (const input of queries()) {
          const query = SearchQuerySchema.parse(input);
          // Asked twice: the first answer computes what is kept, the second reads it.
          await searchAgreements(ctx, query);
          const kept = await searchAgreements(ctx, query);
          const plan = await planSearch(ctx, query);
          const full = await toFacets(t.database.db, await countRows(t.database.db, { conditions: plan.conditions, statusSql: registryStatus(plan.bounds) }));
          expect({ total: kept.total, facets: kept.facets }, `${role} ${JSON.stringify(input)} round ${round}`).toEqual(full);
        }
      }
      // A change moves the registry revision: nothing kept may survive it.
      await buildAgreement(t.database.db, { docType: 'PKS', signedOn: '2021-04-01', startsOn: '2021-04-01', endsOn: '2030-01-01', primarySectorCode: 'pendidikan', leadUnitId: unitA });
    }
  });
});
