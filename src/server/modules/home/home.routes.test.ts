import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, expectMatrix } from '../../../../tests/support/policy-matrix';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { caller, signInRoles } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { AgreementHealthView } from '../../../shared/agreement-health';
import type { HomeTaskKind, HomeView } from '../../../shared/home';
import { buildPlan, buildReport } from '../monitoring/monitoring.test-support';
import { act, createProposalAs, uploadAll } from '../proposals/core/proposals.test-support';
import { homeTaskKindsOf } from './home.policy';

const REGISTRATION_OPD = ['kak', 'studi_kelayakan', 'surat_inisiasi', 'sk_ppksd', 'berita_acara'] as const;

describe('home tasks per role', () => {
  const own = actorOf('opd', 'unit-own');
  expectMatrix({ admin: actorOf('admin'), tkksd: actorOf('tkksd'), pimpinan: actorOf('pimpinan'), opd: own, opdWithoutUnit: actorOf('opd') }, [
    ['reports to send', (who) => homeTaskKindsOf(who).includes('report_due'), { admin: false, tkksd: false, pimpinan: false, opd: true, opdWithoutUnit: false }],
    ['reports to verify', (who) => homeTaskKindsOf(who).includes('report_to_verify'), { admin: true, tkksd: false, pimpinan: false, opd: false, opdWithoutUnit: false }],
    ['evaluations to answer', (who) => homeTaskKindsOf(who).includes('evaluation_to_answer'), { admin: true, tkksd: true, pimpinan: false, opd: true, opdWithoutUnit: false }],
    ['reviews waiting', (who) => homeTaskKindsOf(who).includes('review_waiting'), { admin: false, tkksd: true, pimpinan: false, opd: false, opdWithoutUnit: false }],
    ['agreements ending', (who) => homeTaskKindsOf(who).includes('agreement_ending'), { admin: true, tkksd: false, pimpinan: true, opd: true, opdWithoutUnit: false }],
  ]);
});

// 2027-01-16 in Ternate: 2026-S2's reporting window is open until 2027-01-30, 2027-S1's from 01-01.
describe('GET /api/home', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof signInRoles>>;
  let reviewer: { cookie: string; id: string };
  const call = caller(() => t.app);
  const ids: Record<string, string> = {};

  const home = async (cookie: string): Promise<HomeView> => {
    const response = await call('GET', '/api/home', cookie);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<HomeView>();
  };
  const subjects = (view: HomeView, kind: HomeTaskKind) => view.groups.find((group) => group.kind === kind)?.tasks.map((task) => task.subject) ?? null;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2027-01-16T03:00:00Z') });
    s = await signInRoles(t);
    const login = await t.loginAs('tkksd');
    reviewer = { cookie: login.cookie, id: login.user.id };
    const db = t.database.db;
    const later = await buildAgreement(db, { leadUnitId: s.unit.id, signedOn: '2025-03-01', startsOn: '2025-03-01', endsOn: '2027-05-01', title: 'Kerja sama pelatihan UMKM' });
    const soon = await buildAgreement(db, { leadUnitId: s.unit.id, signedOn: '2024-02-01', startsOn: '2024-02-01', endsOn: '2027-02-01', title: 'Kerja sama air bersih' });
    const elsewhere = await buildAgreement(db, { signedOn: '2025-03-01', startsOn: '2025-03-01', endsOn: '2027-03-01', title: 'Kerja sama dinas lain' });
    ids.later = later.id;
    const plan = (title: string) => buildPlan(db, { agreementId: later.id, unitId: s.unit.id, budgetYear: 2026 }).then(async (id) => {
      await db.execute(sql`UPDATE activity_plans SET title = ${title} WHERE id = ${id}`);
      return id;
    });
    await plan('Pelatihan kemasan produk');
    const returned = await plan('Pameran produk lokal');
    await db.execute(sql`INSERT INTO realisation_reports (plan_id, agreement_id, unit_id, period, status, summary, return_reason) VALUES (${returned}, ${later.id}, ${s.unit.id}, '2026-S2', 'returned', 'Pameran', 'Daftar hadir belum dilampirkan.')`);
    const submitted = await plan('Klinik bisnis');
    await buildReport(db, { planId: submitted, agreementId: later.id, unitId: s.unit.id, period: '2026-S2', status: 'submitted' });
    await db.execute(sql`UPDATE realisation_reports SET submitted_at = now() WHERE plan_id = ${submitted}`);
    await db.execute(sql`INSERT INTO obligations (agreement_id, party, unit_id, description, kind, due_on) VALUES
      (${later.id}, 'city', ${s.unit.id}, 'Menyediakan tempat pelatihan', 'once', '2027-01-20'),
      (${soon.id}, 'city', ${s.unit.id}, 'Laporan bersama tahunan', 'once', '2027-01-05'),
      (${later.id}, 'partner', NULL, 'Menyediakan instruktur', 'once', '2027-02-10'),
      (${later.id}, 'city', ${s.unit.id}, 'Evaluasi akhir', 'once', '2027-04-30')`);
    await db.execute(sql`INSERT INTO evaluation_forms (revision, note, dimension_weights, bands, created_at) VALUES (1, 'uji', '{"S":1,"M":1,"I":1}', '[]', now()) ON CONFLICT DO NOTHING`);
    await db.execute(sql`INSERT INTO evaluations (agreement_id, period, form_revision, opened_at) VALUES (${later.id}, '2026-S2', 1, now()), (${elsewhere.id}, '2026-S2', 1, now())`);
    const proposal = await createProposalAs(t, s.opdOwn, { title: 'Usulan kerja sama pariwisata' });
    expect((await act(t, s.opdOwn, proposal.id, 'submit')).statusCode).toBe(200);
    await uploadAll(t, s.opdOwn, proposal.id, REGISTRATION_OPD);
    expect((await act(t, s.admin, proposal.id, 'validate')).statusCode).toBe(200);
    const review = await call('POST', `/api/proposals/${proposal.id}/review`, s.admin, { tiers: [{ rule: 'all', reviewerIds: [reviewer.id] }] });
    expect(review.statusCode, review.body).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 without a session', async () => {
    expect((await call('GET', '/api/home', '')).statusCode).toBe(401);
  });

  it('lands the OPD liaison on its own reports, obligations, evaluations and ending agreements', async () => {
    const view = await home(s.opdOwn);
    expect(view.on).toBe('2027-01-16');
    expect(view.groups.map((group) => group.kind)).toEqual(['report_returned', 'report_due', 'obligation_due', 'obligation_to_confirm', 'evaluation_to_answer', 'package_to_acknowledge', 'agreement_ending']);
    const returned = view.groups.find((group) => group.kind === 'report_returned')?.tasks[0];
    expect(returned).toMatchObject({ subject: 'Pameran produk lokal', note: 'Daftar hadir belum dilampirkan.', dueOn: '2027-01-30' });
    expect(subjects(view, 'report_due')).toEqual(['Pelatihan kemasan produk']);
    // Due within a month or already late; the one of April waits.
    expect(subjects(view, 'obligation_due')).toEqual(['Laporan bersama tahunan', 'Menyediakan tempat pelatihan']);
    expect(view.groups.find((group) => group.kind === 'obligation_due')?.tasks[0]?.late).toBe(true);
    expect(subjects(view, 'obligation_to_confirm')).toEqual(['Menyediakan instruktur']);
    expect(subjects(view, 'evaluation_to_answer')).toEqual(['Kerja sama pelatihan UMKM']);
    expect(subjects(view, 'agreement_ending')).toEqual(['Kerja sama air bersih', 'Kerja sama pelatihan UMKM']);
  });

  it('links an evaluation task to its answer form and an ending agreement to its renewal, both in the evaluation tab', async () => {
    const view = await home(s.opdOwn);
    const result: unknown = await t.database.db.execute(sql`SELECT id FROM evaluations WHERE agreement_id = ${ids.later!}`);
    const [evaluation] = (result as { rows: { id: string }[] }).rows;
    const task = (kind: HomeTaskKind, subject: string) => view.groups.find((group) => group.kind === kind)?.tasks.find((candidate) => candidate.subject === subject);
    expect(task('evaluation_to_answer', 'Kerja sama pelatihan UMKM')?.link).toBe(`/agreements/${ids.later!}?tab=evaluation&evaluation=${evaluation?.id ?? ''}`);
    expect(task('agreement_ending', 'Kerja sama pelatihan UMKM')?.link).toBe(`/agreements/${ids.later!}?tab=evaluation`);
  });

  it('shows another OPD none of it', async () => {
    const view = await home(s.opdOther);
    for (const group of view.groups) expect(group.tasks, group.kind).toEqual([]);
  });

  it('lands a TKKSD reviewer on the reviews and evaluations waiting for it', async () => {
    const view = await home(reviewer.cookie);
    expect(subjects(view, 'review_waiting')).toEqual(['Usulan kerja sama pariwisata']);
    expect(subjects(view, 'evaluation_to_answer')).toEqual(['Kerja sama pelatihan UMKM', 'Kerja sama dinas lain']);
    expect(subjects(await home(s.tkksd), 'review_waiting')).toEqual([]);
  });

  it('gives the division what waits for its verification, and the pimpinan what ends within 30 days', async () => {
    const division = await home(s.admin);
    expect(subjects(division, 'report_to_verify')).toEqual(['Klinik bisnis']);
    expect(subjects(division, 'obligation_due')).toEqual(['Laporan bersama tahunan']);
    expect(subjects(division, 'agreement_ending')).toEqual(['Kerja sama air bersih', 'Kerja sama dinas lain', 'Kerja sama pelatihan UMKM']);
    const leader = await home(s.pimpinan);
    expect(leader.groups.map((group) => group.kind)).toEqual(['agreement_ending']);
    expect(subjects(leader, 'agreement_ending')).toEqual(['Kerja sama air bersih']);
  });

  it('tells whoever reads the agreement its health with the reasons, and nobody without a session', async () => {
    const url = `/api/agreements/${ids.later!}/health`;
    expect((await call('GET', url, '')).statusCode).toBe(401);
    expect((await call('GET', '/api/agreements/00000000-0000-4000-8000-000000000000/health', s.admin)).statusCode).toBe(404);
    for (const who of [s.admin, s.tkksd, s.pimpinan, s.opdOwn]) expect((await call('GET', url, who)).statusCode).toBe(200);
    const { health } = (await call('GET', url, s.opdOwn)).json<AgreementHealthView>();
    expect(health).toMatchObject({ status: 'perlu_perhatian', on: '2027-01-16', lastBand: null });
    // No package published, ending within the warning window, nothing reported for 2026-S1.
    expect(health?.reasons).toEqual(expect.arrayContaining(['not_disseminated', 'ending_soon', 'no_report']));
    expect(health?.reasons).not.toContain('dormant');
  });

  it('drops a task once it is done', async () => {
    await t.database.db.execute(sql`INSERT INTO evaluation_responses (evaluation_id, respondent, answers, submitted_at) SELECT id, 'opd', '[]', now() FROM evaluations WHERE agreement_id = ${ids.later}`);
    await t.database.db.execute(sql`INSERT INTO renewal_decisions (agreement_id, decision, reason, ends_on, decided_at) VALUES (${ids.later}, 'extend', 'Dilanjutkan.', '2027-05-01', now())`);
    const view = await home(s.opdOwn);
    expect(subjects(view, 'evaluation_to_answer')).toEqual([]);
    expect(subjects(view, 'agreement_ending')).toEqual(['Kerja sama air bersih']);
  });
});
