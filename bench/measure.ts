import { anotherHandle, type Db } from '../src/server/db/client';
import { searchAgreements } from '../src/server/modules/search/search.service';
import { SearchQuerySchema } from '../src/shared/search';
import { testCtx } from '../tests/support/test-ctx';
import { percentile, timeFetch } from './timing';

type Timings = Record<'search' | 'raw_search' | 'list' | 'stats' | 'list_uncached' | 'stats_uncached' | 'list_after_edit' | 'calibration', number[]> & {
  // Each query's own times, to tell which of them make the percentiles.
  byQuery: Record<string, number[]>;
};
type Statement = { sql: string; params: unknown[] };
type RawClient = { query: (text: string, params: unknown[]) => Promise<unknown> };

// What a person types into the registry's search box.
const SEARCH_TERMS = ['biaya', 'beasiswa', 'retribusi', 'nelayan', 'Bank Ternate', 'pesisir sampah', 'pendidikan vokasi', 'kesehatan rujukan', 'wisata bahari', '000123/KB/KS'];
const LIST_QUERIES = ['', 'sort=signed_desc', 'status=aktif', 'sector=pendidikan&page=3', 'docType=PKS&year=2020', 'partnerGroup=swasta&sort=title', 'page=40'];



// The statements the search service sends for one query, captured once, to replay as plain SQL.
// Captured after one asking, so that the stored health is fresh (otherwise the capture takes in the
// health refresh, a transaction rewriting every agreement's health that a replay must not repeat),
// and only reads are kept.
async function captureStatements(db: Db, q: string): Promise<Statement[]> {
  const actor = { id: '00000000-0000-4000-8000-000000000000', email: 'bench@jalin.local', name: 'Bench', role: 'admin' as const, unitId: null };
  await searchAgreements(testCtx({ db, actor, now: new Date() }), SearchQuerySchema.parse({ q }));
  const statements: Statement[] = [];
  const logger = { logQuery: (text: string, params: unknown[]) => statements.push({ sql: text, params }) };
  const logged = anotherHandle(db, { logger });
  await searchAgreements(testCtx({ db: logged, actor, now: new Date() }), SearchQuerySchema.parse({ q }));
  return statements.filter((statement) => /^\s*(select|with)\b/i.test(statement.sql));
}

// A fixed amount of work for the database alone, so that figures from a busy or a quiet machine
// can be compared: a million-row count that touches no table.
async function calibrate(raw: RawClient): Promise<number> {
  const started = performance.now();
  await raw.query('SELECT count(*) FROM generate_series(1, 1000000)', []);
  return performance.now() - started;
}

// Lists and statistics keep their counts across changes (decision 0038). Before each request one
// agreement's register row changes for real (its kind flipped, as the refresh function writes it),
// so that the request pays for bringing every kept count up to date. The agreement itself stays as
// it was: an edit of an agreement also makes its stored health stale, and the refresh of that
// agreement's health that then follows is measured apart (list_after_edit below; the refresh of the
// whole register, as for a new day, in bench/health.ts).
async function measureUncached(options: { baseUrl: string; cookie: string; raw: RawClient; timings: Timings }): Promise<void> {
  const { baseUrl, cookie, raw, timings } = options;
  const change = () =>
    raw.query(
      `UPDATE agreement_search SET kind = CASE kind WHEN 'KSDPK' THEN 'SINERGI' ELSE 'KSDPK' END
       WHERE agreement_id = (SELECT agreement_id FROM agreement_search ORDER BY signed_on DESC NULLS LAST, agreement_id LIMIT 1)`,
      [],
    );
  for (const query of [...LIST_QUERIES, ...LIST_QUERIES]) {
    await change();
    timings.list_uncached.push(await timeFetch(`${baseUrl}/api/agreements?${query}`, cookie));
  }
  for (let round = 0; round < 6; round += 1) {
    await change();
    timings.stats_uncached.push(await timeFetch(`${baseUrl}/api/stats?from=2015&to=2026`, cookie));
  }
  // An edit of an agreement (here only its updated_at): any write to an agreement makes its stored
  // health stale, and the first list after it derives that agreement's health again (decision 0039).
  for (let round = 0; round < 3; round += 1) {
    await raw.query(`UPDATE agreements SET updated_at = now() WHERE id = (SELECT agreement_id FROM agreement_search ORDER BY signed_on DESC NULLS LAST, agreement_id LIMIT 1)`, []);
    timings.list_after_edit.push(await timeFetch(`${baseUrl}/api/agreements`, cookie));
  }
}

export async function measure(options: { baseUrl: string; cookie: string; db: Db; rounds: number; log: (m: string) => void }): Promise<Timings> {
  const { baseUrl, cookie, db, rounds, log } = options;
  const timings: Timings = { search: [], raw_search: [], list: [], stats: [], list_uncached: [], stats_uncached: [], list_after_edit: [], calibration: [], byQuery: {} };
  const record = (key: string, ms: number) => (timings.byQuery[key] ??= []).push(ms);
  const raw = (db as unknown as { $client: RawClient }).$client;
  const captured: Statement[][] = [];
  for (const term of SEARCH_TERMS) captured.push(await captureStatements(db, term));
  // Warm-up: first queries pay for plans and cold pages.
  for (const term of SEARCH_TERMS) await timeFetch(`${baseUrl}/api/agreements?q=${encodeURIComponent(term)}`, cookie);
  log(`measuring ${rounds} rounds`);
  for (let round = 0; round < rounds; round += 1) {
    const index = round % SEARCH_TERMS.length;
    const term = SEARCH_TERMS[index] ?? '';
    const searched = await timeFetch(`${baseUrl}/api/agreements?q=${encodeURIComponent(term)}`, cookie);
    timings.search.push(searched);
    record(`search q=${term}`, searched);
    const started = performance.now();
    await Promise.all((captured[index] ?? []).map((statement) => raw.query(statement.sql, statement.params)));
    timings.raw_search.push(performance.now() - started);
    const listQuery = LIST_QUERIES[round % LIST_QUERIES.length] ?? '';
    const listed = await timeFetch(`${baseUrl}/api/agreements?${listQuery}`, cookie);
    timings.list.push(listed);
    record(`list ${listQuery || '(no filter)'}`, listed);
    if (round % 5 === 0) timings.stats.push(await timeFetch(`${baseUrl}/api/stats?from=2015&to=2026`, cookie));
    if (round % 10 === 0) timings.calibration.push(await calibrate(raw));
  }
  log('measuring after registry changes');
  await measureUncached({ baseUrl, cookie, raw, timings });
  return timings;
}

export function summarize(timings: Timings) {
  return {
    search_p50_ms: percentile(timings.search, 50),
    search_p95_ms: percentile(timings.search, 95),
    raw_search_p50_ms: percentile(timings.raw_search, 50),
    raw_search_p95_ms: percentile(timings.raw_search, 95),
    list_p50_ms: percentile(timings.list, 50),
    list_p95_ms: percentile(timings.list, 95),
    stats_ms: percentile(timings.stats, 50),
    stats_p95_ms: percentile(timings.stats, 95),
    list_after_change_p50_ms: percentile(timings.list_uncached, 50),
    list_after_change_p95_ms: percentile(timings.list_uncached, 95),
    stats_after_change_ms: percentile(timings.stats_uncached, 50),
    stats_after_change_p95_ms: percentile(timings.stats_uncached, 95),
    list_after_edit_p50_ms: percentile(timings.list_after_edit, 50),
    calibration_ms: percentile(timings.calibration, 50),
    // Per query: the median, the slowest and the first time it was asked in the run.
    by_query: Object.fromEntries(
      Object.entries(timings.byQuery).map(([key, values]) => [key, { p50_ms: percentile(values, 50), max_ms: percentile(values, 100), first_ms: Math.round((values[0] ?? 0) * 10) / 10 }]),
    ),
  };
}
