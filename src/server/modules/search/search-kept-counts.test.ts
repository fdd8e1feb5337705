import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { statusDateBounds } from '../../../shared/agreement-status';
import { SearchQuerySchema, type SearchQueryInput } from '../../../shared/search';
import { anotherHandle, type Db } from '../../db/client';
import type { Actor } from '../../lib/context';
import { getStats } from '../stats/stats.service';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement, buildPartner } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { keptCounts, removeOldChanges } from './search-cache.service';
import { removeChangesBefore, WHOLE_REGISTRY, type CountSource } from './search-changes.repository';
import type { CountRow } from './search-counts.repository';
import { countRows, facetStatement } from './search-facets.repository';
import { toFacets } from './search-facets.service';
import { registryStatus } from './search-filters.repository';
import { keepRegisterCounts, planSearch, searchAgreements } from './search.service';

// Counts kept in memory follow each change by counting only the changed rows (decision 0038).
// Whatever the change (a new agreement, an edit of any counted field, a draft published, an
// agreement ended early or removed, a health state moved, a partner category moved to another
// group, old changes removed), the kept counts must equal one full count over the matches, for
// every reader and every kind of list.
describe('registry list: counts kept across changes', () => {
  let t: TestApp;
  let unitA: string;
  let unitB: string;
  const readers: Record<string, Actor> = {};
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    unitA = (await buildUnit(db, { name: 'Dinas Ikut Ubah A' })).id;
    unitB = (await buildUnit(db, { name: 'Dinas Ikut Ubah B' })).id;
    const partners = [
      await buildPartner(db, { name: 'PT Ikut Ubah', categoryCode: 'swasta' }),
      await buildPartner(db, { name: 'Bank Ikut Ubah', categoryCode: 'bumd' }),
      await buildPartner(db, { name: 'Provinsi Ikut Ubah', categoryCode: 'pemerintah_provinsi' }),
    ];
    const sectors = ['pendidikan', 'kesehatan', 'umkm_koperasi'];
    for (let index = 0; index < 15; index += 1) {
      const signedOn = `${2020 + (index % 4)}-0${1 + (index % 9)}-10`;
      const agreement = await buildAgreement(db, {
        docType: (['KB', 'PKS', 'NK'] as const)[index % 3], kind: index % 4 === 0 ? 'SINERGI' : 'KSDPK', signedOn, startsOn: signedOn,
        endsOn: `${2025 + (index % 4)}-0${1 + (index % 8)}-01`, isDraft: index % 6 === 0,
        primarySectorCode: sectors[index % 3], otherSectorCodes: index % 2 === 0 ? ['pariwisata_kebudayaan'] : [],
        leadUnitId: index % 2 === 0 ? unitA : unitB, partners: [{ id: partners[index % 3]?.id ?? '' }],
      });
      ids.push(agreement.id);
    }
    readers.admin = (await t.loginAs('admin')).user;
    readers.opd = (await t.loginAs('opd', { unitId: unitA })).user;
  });
  afterAll(async () => {
    await t.close();
  });

  const queries = (): SearchQueryInput[] => [
    {},
    { docType: ['PKS', 'NK'] },
    { status: ['aktif', 'akan_berakhir'] },
    { sector: ['pariwisata_kebudayaan'] },
    { unit: [unitA] },
    { partnerGroup: ['swasta'] },
    { docType: ['KB'], year: [2021, 2022] },
    { docType: ['KB'], year: [2021], kind: ['KSDPK'] },
    { health: ['dorman'], sector: ['pendidikan'], unit: [unitA] },
  ];

  // In this process (counts kept in memory) and in a new one (counts read from the database).
  async function expectKeptEqualFull(label: string): Promise<void> {
    const newProcess = freshHandle();
    for (const [role, actor] of Object.entries(readers)) {
      const ctx = { ...t.ctx(actor), actor };
      for (const input of queries()) {
        const query = SearchQuerySchema.parse(input);
        // The new process first: it reads what was stored before the change.
        const stored = await searchAgreements({ ...ctx, db: newProcess }, query);
        const kept = await searchAgreements(ctx, query);
        const plan = await planSearch(ctx, query);
        const full = await toFacets(t.database.db, await countRows(t.database.db, { conditions: plan.conditions, statusSql: registryStatus(plan.bounds) }));
        expect({ total: kept.total, facets: kept.facets }, `${label}: ${role} ${JSON.stringify(input)}`).toEqual(full);
        expect({ total: stored.total, facets: stored.facets }, `${label}: ${role} ${JSON.stringify(input)}, a new process`).toEqual(full);
      }
    }
  }

  // The same database through a new handle: nothing kept yet, every count made whole.
  function freshHandle(): Db {
    return anotherHandle(t.database.db);
  }

  // Statistics kept in this process, and those a new process reads from the stored counts (brought
  // up to date by the changes), equal statistics counted whole (nothing stored, a new handle).
  async function expectStatsEqualFresh(label: string): Promise<void> {
    const admin = readers.admin;
    if (!admin) throw new Error('no admin');
    const query = { from: 2018, to: 2027 };
    // The new process first: it reads what was stored before the change.
    const fromStored = await getStats({ ...t.ctx(admin), actor: admin, db: freshHandle() }, query);
    const kept = await getStats({ ...t.ctx(admin), actor: admin }, query);
    const stored = await t.database.db.execute(sql`SELECT key, rows, snapshot FROM register_kept_counts`);
    await t.database.db.execute(sql`DELETE FROM register_kept_counts`);
    const whole = await getStats({ ...t.ctx(admin), actor: admin, db: freshHandle() }, query);
    // Put back as they were, so that the next step's new process starts from what was stored.
    await t.database.db.execute(sql`DELETE FROM register_kept_counts`);
    for (const row of (stored as { rows: { key: string; rows: unknown; snapshot: string }[] }).rows) {
      await t.database.db.execute(sql`INSERT INTO register_kept_counts (key, rows, snapshot) VALUES (${row.key}, ${JSON.stringify(row.rows)}::jsonb, ${row.snapshot})`);
    }
    expect(kept, `${label}: statistics`).toEqual(whole);
    expect(fromStored, `${label}: statistics from the stored counts`).toEqual(whole);
  }

  async function refresh(id: string): Promise<void> {
    await t.database.db.execute(sql`SELECT jalin_refresh_agreement_search(ARRAY[${id}]::uuid[])`);
  }

  async function edit(label: string, change: () => Promise<unknown>): Promise<void> {
    await change();
    await expectKeptEqualFull(label);
    await expectStatsEqualFresh(label);
  }

  // Kept counts follow the changes only when their snapshot's oldest running transaction is past
  // every change and the horizon. That transaction is the whole server's, and test files on other
  // databases of the same PostgreSQL write side by side: before counts that a test expects to be
  // followed are kept, wait until those writes are over, so that the source read depends on this
  // file alone. (On PGlite nothing else runs.)
  async function quiet(db: Db): Promise<void> {
    await vi.waitFor(
      async () => {
        const { rows } = (await db.execute<{ quiet: boolean }>(sql`SELECT pg_snapshot_xmin(pg_current_snapshot()) >
          greatest((SELECT max(tx) FROM agreement_search_changes), (SELECT counted_from FROM agreement_search_changes_horizon WHERE id = 1)) AS quiet`)) as { rows: { quiet: boolean }[] };
        expect(rows[0]?.quiet).toBe(true);
      },
      { timeout: 20_000, interval: 50 },
    );
  }

  // The whole register's counts kept under `key`, recording which source each counting read.
  async function trackedCounts(key: string) {
    const admin = readers.admin;
    if (!admin) throw new Error('no admin');
    const input = { conditions: (await planSearch({ ...t.ctx(admin), actor: admin }, SearchQuerySchema.parse({}))).conditions, statusSql: registryStatus(statusDateBounds('2026-06-15', 90)) };
    const sources: string[] = [];
    const ask = async (handle: Db) => {
      await quiet(handle);
      return keptCounts<CountRow>(handle, {
        key,
        count: (source: CountSource) => {
          sources.push(source === WHOLE_REGISTRY ? 'whole' : 'changes');
          return facetStatement(input, source);
        },
        groupOf: (row) => JSON.stringify([row.facet, row.value]),
        keepsZero: (row) => row.facet === 'total',
      });
    };
    return { input, sources, ask };
  }

  const byGroup = (rows: CountRow[]) => new Map(rows.map((row) => [JSON.stringify([row.facet, row.value]), row.count]));

  it('equal a full count after every kind of change', async () => {
    const db = t.database.db;
    const [first, second, third, fourth] = ids as [string, string, string, string];
    await expectKeptEqualFull('first asking');
    await expectStatsEqualFresh('first asking');
    await edit('a new agreement', () => buildAgreement(db, { docType: 'NK', signedOn: '2022-03-01', startsOn: '2022-03-01', endsOn: '2031-01-01', primarySectorCode: 'kesehatan', leadUnitId: unitA }));
    await edit('type, kind and year edited', async () => {
      await db.execute(sql`UPDATE agreements SET doc_type = 'PKS', kind = 'SINERGI', signed_on = '2023-05-05' WHERE id = ${first}`);
      await refresh(first);
    });
    await edit('a sector and an OPD added', async () => {
      await db.execute(sql`INSERT INTO agreement_sectors (agreement_id, sector_code) VALUES (${second}, 'pariwisata_kebudayaan') ON CONFLICT DO NOTHING`);
      await db.execute(sql`INSERT INTO agreement_units (agreement_id, unit_id, is_lead) VALUES (${second}, ${unitA}, false) ON CONFLICT DO NOTHING`);
      await refresh(second);
    });
    await edit('a draft published', async () => {
      await db.execute(sql`UPDATE agreements SET is_draft = NOT is_draft WHERE id = ${ids[6] ?? ''}`);
      await refresh(ids[6] ?? '');
    });
    await edit('an agreement ended early', async () => {
      await db.execute(sql`UPDATE agreements SET termination_kind = 'diakhiri', terminated_on = '2026-05-01' WHERE id = ${third}`);
      await refresh(third);
    });
    await edit('an agreement removed', () => db.execute(sql`DELETE FROM agreements WHERE id = ${fourth}`));
    await edit('a partner category moved to another group', () =>
      db.execute(sql`UPDATE partner_categories SET group_code = (SELECT group_code FROM partner_categories WHERE code = 'swasta') WHERE code = 'bumd'`),
    );
    await edit('the day moved on, ending agreements', async () => {
      t.clock.now = new Date('2027-02-15T03:00:00Z');
    });
    await edit('changes removed after a day', () => removeChangesBefore(db, new Date('2100-01-01T00:00:00Z')));
    await edit('a change after the removal', async () => {
      await db.execute(sql`UPDATE agreements SET primary_sector_code = 'umkm_koperasi' WHERE id = ${second}`);
      await refresh(second);
    });
  });

  it('counts only the changed rows after a change, and the whole register when changes cannot say', async () => {
    const db = t.database.db;
    const { input, sources, ask: askOn } = await trackedCounts('test|sources');
    const ask = () => askOn(db);
    await ask();
    await ask();
    expect(sources).toEqual(['whole']);
    await buildAgreement(db, { docType: 'KB', signedOn: '2024-01-01', startsOn: '2024-01-01', endsOn: '2030-01-01', leadUnitId: unitB });
    const afterChange = await ask();
    expect(sources).toEqual(['whole', 'changes']);
    expect(byGroup(afterChange)).toEqual(byGroup(await countRows(db, input)));
    // Changes the kept counts never saw are removed: they must be counted whole again (the statement
    // over the changes finds them unusable and reads nothing).
    await buildAgreement(db, { docType: 'PKS', signedOn: '2024-02-01', startsOn: '2024-02-01', endsOn: '2030-01-01', leadUnitId: unitB });
    await removeChangesBefore(db, new Date('2100-01-01T00:00:00Z'));
    await buildAgreement(db, { docType: 'NK', signedOn: '2024-03-01', startsOn: '2024-03-01', endsOn: '2030-01-01', leadUnitId: unitA });
    const afterRemoval = await ask();
    expect(sources).toEqual(['whole', 'changes', 'changes', 'whole']);
    expect(byGroup(afterRemoval)).toEqual(byGroup(await countRows(db, input)));
    // Changes the kept counts saw already may go: nothing is missing.
    await removeChangesBefore(db, new Date('2100-01-01T00:00:00Z'));
    await buildAgreement(db, { docType: 'KB', signedOn: '2024-04-01', startsOn: '2024-04-01', endsOn: '2030-01-01', leadUnitId: unitA });
    const afterOldRemoved = await ask();
    expect(sources).toEqual(['whole', 'changes', 'changes', 'whole', 'changes']);
    expect(byGroup(afterOldRemoved)).toEqual(byGroup(await countRows(db, input)));
    // A partner category edited: counts join the categories as they are now.
    await db.execute(sql`UPDATE partner_categories SET name = name WHERE code = 'swasta'`);
    await ask();
    expect(sources).toEqual(['whole', 'changes', 'changes', 'whole', 'changes', 'changes', 'whole']);
  });

  it('starts a new process from the stored counts, which the job queue counts for the day', async () => {
    const db = t.database.db;
    const admin = readers.admin;
    if (!admin) throw new Error('no admin');
    const { input, sources, ask } = await trackedCounts('test|stored');
    await ask(db);
    await buildAgreement(db, { docType: 'KB', signedOn: '2024-05-01', startsOn: '2024-05-01', endsOn: '2030-01-01', leadUnitId: unitA });
    const inNewProcess = await ask(freshHandle());
    expect(sources).toEqual(['whole', 'changes']);
    expect(byGroup(inNewProcess)).toEqual(byGroup(await countRows(db, input)));

    // The job's counts are what a new process's first list reads: a stored count set wrong by hand
    // shows through (and is put right again after).
    expect(await keepRegisterCounts(t.ctx(admin))).toBeGreaterThan(10);
    const kbKey = sql`key LIKE 'value|all|%|docType|KB'`;
    const shift = (by: number) =>
      db.execute(sql`UPDATE register_kept_counts SET rows = (SELECT jsonb_agg(CASE WHEN r->>'facet' = 'total' THEN jsonb_set(r, '{count}', to_jsonb((r->>'count')::int + ${by})) ELSE r END) FROM jsonb_array_elements(rows) r) WHERE ${kbKey}`);
    const query = SearchQuerySchema.parse({ docType: ['KB'] });
    const ctx = { ...t.ctx(admin), actor: admin };
    const exact = (await searchAgreements({ ...ctx, db: freshHandle() }, query)).total;
    await shift(1000);
    expect((await searchAgreements({ ...ctx, db: freshHandle() }, query)).total).toBe(exact + 1000);
    await shift(-1000);
    expect((await searchAgreements({ ...ctx, db: freshHandle() }, query)).total).toBe(exact);

    // Stored counts not stored again for a day go with the day's old changes.
    await db.execute(sql`UPDATE register_kept_counts SET counted_at = now() - interval '25 hours' WHERE key = 'test|stored'`);
    await removeOldChanges(db, new Date());
    const left = (await db.execute<{ key: string }>(sql`SELECT key FROM register_kept_counts`)) as { rows: { key: string }[] };
    expect(left.rows.map((row) => row.key)).not.toContain('test|stored');
    expect(left.rows.length).toBeGreaterThan(10);
  });

  it('logs nothing for an edit that changes no counted column, and removes only changes older than asked', async () => {
    const db = t.database.db;
    const logged = async () => ((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM agreement_search_changes`)) as { rows: { n: number }[] }).rows[0]?.n;
    const before = await logged();
    await db.execute(sql`UPDATE agreements SET title = title || ' (judul baru)' WHERE id = ${ids[1] ?? ''}`);
    await refresh(ids[1] ?? '');
    expect(await logged()).toBe(before);
    expect(await removeChangesBefore(db, new Date('2000-01-01T00:00:00Z'))).toBe(0);
    expect(await logged()).toBe(before);
  });
});
