import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAgreementStatus } from '../../shared/agreement-status';
import type { StatutoryReportList } from '../../shared/annual-report';
import type { LeadershipDashboard } from '../../shared/leadership';
import type { ProposalBoard } from '../../shared/proposal-durations';
import type { StatsResponse } from '../../shared/stats';
import { pdfText } from '../../../tests/support/report-files';
import { cookieFrom, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { parseEnv } from '../env';
import { agreements } from '../modules/agreements/agreements.table';
import { documents } from '../modules/documents/documents.table';
import { loadDemo, loadDemoIfWanted, type DemoResult } from './load-demo';

const TODAY = '2026-11-27';
const DEMO_PASSWORD = 'demo-rahasia-123';

describe('the demo data set', () => {
  let t: TestApp;
  let cookie: string;
  let result: DemoResult;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date(`${TODAY}T03:00:00Z`) });
    cookie = (await t.loginAs('admin')).cookie;
    result = await loadDemo({ database: t.database, files: t.files, now: t.clock.now, withUsers: true, password: DEMO_PASSWORD });
  }, 180_000);

  afterAll(async () => {
    await t.close();
  });

  it("reproduces the article's figures for 2020–2022 exactly through GET /api/stats", async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/stats?from=2020&to=2022', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const stats: StatsResponse = response.json();
    expect(stats.years.map((year) => year.total)).toEqual([8, 27, 17]);
    const [y2020, y2021, y2022] = stats.years;
    expect(y2020).toMatchObject({ year: 2020, largestPartnerGroup: ['pemerintah'], largestSector: ['umkm_koperasi'] });
    expect(y2020?.byPartnerGroup.pemerintah).toBe(6);
    // The six are regional governments: provinsi or kabupaten/kota.
    expect((y2020?.byPartnerCategory.pemerintah_provinsi ?? 0) + (y2020?.byPartnerCategory.pemerintah_kabupaten_kota ?? 0)).toBe(6);
    expect(y2020?.bySector.umkm_koperasi).toBe(3);
    expect(y2021).toMatchObject({ year: 2021, largestPartnerGroup: ['swasta'], largestSector: ['umkm_koperasi'] });
    expect(y2021?.byPartnerGroup.swasta).toBe(10);
    expect(y2021?.bySector.umkm_koperasi).toBe(5);
    expect(y2022).toMatchObject({ year: 2022, largestPartnerGroup: ['pemerintah'], largestSector: ['pendidikan', 'pendapatan_daerah'] });
    expect(y2022?.byPartnerGroup.pemerintah).toBe(11);
    expect([y2022?.bySector.pendidikan, y2022?.bySector.pendapatan_daerah]).toEqual([4, 4]);
  });

  it('holds adenda (not counted), PKS linked to their KB or NK, and agreements up to 2026', async () => {
    const rows = await t.database.db.select().from(agreements);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const adenda = rows.filter((row) => row.docType === 'ADENDUM' && row.signedOn! >= '2020-01-01' && row.signedOn! <= '2022-12-31');
    expect(adenda.length).toBeGreaterThanOrEqual(3);
    const pks = rows.filter((row) => row.docType === 'PKS' && row.parentId);
    expect(pks.length).toBeGreaterThan(10);
    for (const row of pks) expect(['KB', 'NK']).toContain(byId.get(row.parentId ?? '')?.docType);
    expect(rows.some((row) => row.signedOn!.startsWith('2026'))).toBe(true);
    expect(result.agreements).toBe(rows.length);
  });

  it('has active, expiring, ended and early-ended agreements on 2026-11-27', async () => {
    const rows = await t.database.db.select().from(agreements);
    const statuses = new Set(rows.map((row) => deriveAgreementStatus(row, TODAY, 180)));
    expect([...statuses].sort()).toEqual(['akan_berakhir', 'aktif', 'berakhir', 'diakhiri']);
    const ended = rows.filter((row) => row.terminationKind === 'diakhiri');
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ terminationReason: 'kesepakatan_para_pihak', terminatedOn: '2025-06-30' });
  });

  it('attaches a signed PDF with real Indonesian text to every agreement', async () => {
    const docs = await t.database.db.select().from(documents).where(isNotNull(documents.textContent));
    expect(docs).toHaveLength(result.agreements);
    expect(result.documents).toBe(result.agreements);
    const textOf = async (numberLike: string) => {
      const [row] = await t.database.db
        .select({ text: documents.textContent })
        .from(documents)
        .innerJoin(agreements, eq(agreements.id, documents.agreementId))
        .where(and(sql`${agreements.title} ILIKE ${numberLike}`, eq(agreements.docType, 'PKS')));
      return (row?.text ?? '').replace(/\s+/g, ' ');
    };
    const college = await textOf('%Calon Taruna melalui Jalur Beasiswa%');
    expect(college).toContain('beasiswa');
    expect(college).toContain('biaya mandiri');
    const bank = await textOf('%Pembiayaan UMKM dan Pedagang Pasar%');
    expect(bank).toContain('pembiayaan UMKM');
    expect(bank).toContain('digitalisasi pajak dan retribusi daerah');
    const file = await t.files.get(docs[0]!.storageKey);
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('creates one demo account per other role, with the given password', async () => {
    expect(result.userEmails).toEqual(['tkksd@demo.jalin.local', 'pimpinan@demo.jalin.local', 'diskop@demo.jalin.local']);
    expect(result.generatedPassword).toBeNull();
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'diskop@demo.jalin.local', password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ role: 'opd' });
    const stats = await t.app.inject({ method: 'GET', url: '/api/stats?from=2021&to=2021', headers: { cookie: cookieFrom(login) } });
    expect(stats.json().years[0].total).toBe(27);
  });

  it('shows monitoring on first start: reports verified with evidence and returned, a late obligation, evaluations in every band, a renewal decision, and the OPD liaison\'s tasks', async () => {
    const rows = async (query: ReturnType<typeof sql>) => {
      const result: unknown = await t.database.db.execute(query);
      return (result as { rows: Record<string, unknown>[] }).rows;
    };
    expect(await rows(sql`SELECT r.status, count(e.id)::int AS evidence FROM realisation_reports r LEFT JOIN realisation_evidence e ON e.report_id = r.id GROUP BY r.id, r.status ORDER BY r.status, evidence DESC`)).toEqual([
      { status: 'returned', evidence: 0 },
      { status: 'submitted', evidence: 0 },
      { status: 'verified', evidence: 2 },
      // Last year's and this year's activities behind the leadership's dashboard (demo-impact.ts).
      ...Array.from({ length: 6 }, () => ({ status: 'verified', evidence: 0 })),
    ]);
    expect(await rows(sql`SELECT status, count(*)::int AS n FROM evaluations GROUP BY status ORDER BY status`)).toEqual([
      { status: 'final', n: 4 },
      { status: 'open', n: 1 },
    ]);
    // The open one was answered by the partner through its mailed link, and waits for the OPD.
    expect(await rows(sql`SELECT e.status, r.respondent, r.user_id, l.answered_at IS NOT NULL AS link_answered FROM evaluation_responses r JOIN evaluations e ON e.id = r.evaluation_id JOIN evaluation_partner_links l ON l.evaluation_id = e.id WHERE r.respondent = 'partner'`)).toEqual([
      { status: 'open', respondent: 'partner', user_id: null, link_answered: true },
    ]);
    expect(await rows(sql`SELECT decision FROM renewal_decisions`)).toEqual([{ decision: 'extend' }]);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'diskop@demo.jalin.local', password: DEMO_PASSWORD } });
    const home = (await t.app.inject({ method: 'GET', url: '/api/home', headers: { cookie: cookieFrom(login) } })).json<{ groups: { kind: string; total: number; tasks: { late: boolean }[] }[] }>();
    const total = (kind: string) => home.groups.find((group) => group.kind === kind)?.total;
    expect([total('report_returned'), total('report_due'), total('obligation_to_confirm'), total('evaluation_to_answer')]).toEqual([1, 1, 1, 1]);
    expect(home.groups.find((group) => group.kind === 'obligation_due')?.tasks.map((task) => task.late)).toEqual([true, true]);
    expect(await rows(sql`SELECT status, sha256 IS NOT NULL AS has_evidence FROM obligation_occurrences ORDER BY due_on`)).toEqual([
      { status: 'met', has_evidence: true },
      { status: 'met', has_evidence: false },
    ]);
    const bands: string[] = [];
    for (const row of await rows(sql`SELECT DISTINCT agreement_id FROM evaluations WHERE status = 'final'`)) {
      const list = (await t.app.inject({ method: 'GET', url: `/api/agreements/${String(row.agreement_id)}/evaluations`, headers: { cookie } })).json<{ result: { band: string | null } }[]>();
      bands.push(...list.map((evaluation) => String(evaluation.result.band)));
    }
    // The bank agreement's answers are all "Sangat baik", but its computed indicators (decision 0018)
    // see late obligations, beneficiaries short of the target and a returned report: Cukup. The
    // cadets' agreement, planned, acknowledged and reported in time, is Efektif; the idle sea route Dorman.
    expect(bands.sort()).toEqual(['cukup', 'dorman', 'efektif', 'kurang']);
  });

  it("fills the leadership's dashboard and holds last year's annual report, finished and sent, on first start", async () => {
    const dashboard = (await t.app.inject({ method: 'GET', url: '/api/leadership/dashboard', headers: { cookie } })).json<LeadershipDashboard>();
    const step = (name: string) => dashboard.funnel.find((row) => row.step === name)?.count ?? 0;
    expect(step('signed')).toBeGreaterThan(20);
    for (const name of ['disseminated', 'planned', 'implemented', 'evaluated', 'impact']) expect(step(name), name).toBeGreaterThan(0);
    const reached = Object.fromEntries(dashboard.beneficiaries.map((row) => [row.group, row.count]));
    expect(reached).toMatchObject({ umkm: 92, pedagang: 340, warga: 1250, pelajar_mahasiswa: 60 });
    const implementedBy = dashboard.byUnit.filter((row) => row.implemented > 0).map((row) => row.unitName);
    expect(implementedBy.length).toBeGreaterThanOrEqual(4);
    expect(dashboard.umkm.agreements.count).toBeGreaterThan(0);
    expect(dashboard.umkm.implemented.count).toBeGreaterThan(0);
    expect(dashboard.deadlines.find((deadline) => deadline.label === 'Laporan tahunan pelaksanaan kerja sama 2025')?.submitted).toBe(true);

    const list = (await t.app.inject({ method: 'GET', url: '/api/statutory-reports', headers: { cookie } })).json<StatutoryReportList>();
    const annual = list.reports.find((report) => report.kind === 'annual' && report.year === 2025);
    expect(annual?.status).toBe('submitted');
    const pdf = await t.app.inject({ method: 'GET', url: `/api/statutory-reports/${annual?.id ?? ''}/file?format=pdf`, headers: { cookie } });
    expect(pdf.statusCode).toBe(200);
    const { text } = await pdfText(pdf.rawPayload);
    for (const heading of ['Latar belakang', 'Penerima manfaat', 'Pembayaran Retribusi Pasar dengan QRIS']) expect(text).toContain(heading);
  });

  it('puts proposals at several stages of the procedure on the board, one sent back, one from outside, one still a draft', async () => {
    const board = (await t.app.inject({ method: 'GET', url: '/api/proposals/board', headers: { cookie } })).json<ProposalBoard>();
    const cards = board.columns.flatMap((column) => column.cards.map((card) => ({ stage: column.stageCode, state: card.state })));
    expect(cards).toHaveLength(5);
    expect(new Set(cards.map((card) => card.stage))).toEqual(new Set(['registrasi_validasi', 'pembahasan_tkksd', 'penyusunan_kb']));
    expect(cards.filter((card) => card.state === 'dikembalikan')).toHaveLength(1);
    expect(board.columns.some((column) => column.cards.some((card) => card.isOverdue))).toBe(true);
    const list = (await t.app.inject({ method: 'GET', url: '/api/proposals?state=draf', headers: { cookie } })).json<{ total: number }>();
    expect(list.total).toBe(1);
    expect(result.proposals).toBe(6);
  });

  it('never loads twice: a second load is refused and the automatic load does nothing', async () => {
    const before = await t.database.db.select({ id: agreements.id }).from(agreements);
    await expect(loadDemo({ database: t.database, files: t.files, now: t.clock.now, withUsers: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    const env = parseEnv({ JALIN_DEMO: '1', LOG_LEVEL: 'silent' });
    await loadDemoIfWanted({ database: t.database, env, files: t.files, firstStart: true });
    expect(await t.database.db.select({ id: agreements.id }).from(agreements)).toHaveLength(before.length);
  });
});
