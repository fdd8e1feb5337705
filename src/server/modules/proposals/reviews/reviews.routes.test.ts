import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import type { ApiErrorBody } from '../../../../shared/api-error';
import type { NotificationListResponse } from '../../../../shared/notifications';
import type { CreateReviewInput, ReviewDecisionInput, ReviewView } from '../../../../shared/proposal-reviews';
import type { ProposalListResponse, ProposalView } from '../../../../shared/proposals';
import { auditLog } from '../../audit/audit.table';
import { outbox } from '../../mail/mail.table';
import { users } from '../../users/users.table';
import { act, closeTestApp, createProposalAs, readProposal, uploadAll } from '../core/proposals.test-support';
import { proposalEvents } from '../core/proposals.table';

const REGISTRATION_OPD = ['kak', 'studi_kelayakan', 'surat_inisiasi', 'sk_ppksd'] as const;

type Person = { cookie: string; id: string };

describe('TKKSD review', () => {
  let t: TestApp;
  let admin: Person;
  let opd: Person;
  let reviewers: Person[];
  beforeAll(async () => {
    t = await createTestApp();
    const login = async (role: 'admin' | 'tkksd' | 'opd') => {
      const { cookie, user } = await t.loginAs(role);
      return { cookie, id: user.id };
    };
    admin = await login('admin');
    opd = await login('opd');
    reviewers = [await login('tkksd'), await login('tkksd'), await login('tkksd'), await login('tkksd')];
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const r = (index: number): Person => {
    const person = reviewers[index];
    if (!person) throw new Error(`no reviewer ${String(index)}`);
    return person;
  };

  // A proposal of the test OPD at the TKKSD stage; with its berita acara unless told otherwise.
  const atTkksdStage = async (options: { beritaAcara?: boolean } = {}) => {
    const view = await createProposalAs(t, opd.cookie);
    expect((await act(t, opd.cookie, view.id, 'submit')).statusCode).toBe(200);
    await uploadAll(t, opd.cookie, view.id, REGISTRATION_OPD);
    expect((await act(t, admin.cookie, view.id, 'validate')).statusCode).toBe(200);
    if (options.beritaAcara ?? true) await uploadAll(t, opd.cookie, view.id, ['berita_acara']);
    return view.id;
  };
  const configure = (id: string, tiers: CreateReviewInput['tiers'], cookie = admin.cookie) =>
    t.app.inject({ method: 'POST', url: `/api/proposals/${id}/review`, headers: { cookie }, payload: { tiers } });
  const decide = (id: string, person: Person, payload: ReviewDecisionInput) =>
    t.app.inject({ method: 'POST', url: `/api/proposals/${id}/review/decisions`, headers: { cookie: person.cookie }, payload });
  const readReview = async (id: string, cookie = admin.cookie): Promise<ReviewView | null> => {
    const response = await t.app.inject({ method: 'GET', url: `/api/proposals/${id}/review`, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ review: ReviewView | null }>().review;
  };
  const eventsOf = async (id: string, action: string) =>
    t.database.db.select().from(proposalEvents).where(and(eq(proposalEvents.proposalId, id), eq(proposalEvents.action, action)));
  const noticesOf = async (cookie: string, proposalId: string) => {
    const list: NotificationListResponse = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie } })).json();
    return list.items.filter((item) => item.entityId === proposalId).map((item) => item.kind);
  };

  it('walks an all tier: a revision request, the initiator uploads and resumes, both approve, the proposal is at the next stage', async () => {
    const id = await atTkksdStage();
    const created = await configure(id, [{ rule: 'all', reviewerIds: [r(0).id, r(1).id] }]);
    expect(created.statusCode, created.body).toBe(201);
    expect(await noticesOf(r(0).cookie, id)).toEqual(['proposal_review_open']);
    // Without SMTP_URL the mail waits in the outbox, one for each reviewer of the open tier.
    const mails = await t.database.db.select().from(outbox).where(eq(outbox.entityId, id));
    const reviewerEmails = (await t.database.db.select().from(users).where(inArray(users.id, [r(0).id, r(1).id]))).map((user) => user.email);
    expect(mails.map((mail) => mail.toAddress).sort()).toEqual(reviewerEmails.sort());
    expect(mails[0]?.subject).toContain('menunggu tinjauan Anda');

    const noComment = await decide(id, r(0), { decision: 'request_revision' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json<ApiErrorBody>().error.field).toBe('comment');

    const revision = await decide(id, r(0), { decision: 'request_revision', comment: 'Lengkapi analisis dampak lingkungan.' });
    expect(revision.statusCode, revision.body).toBe(200);
    expect(revision.json<ReviewView>()).toMatchObject({ status: 'berjalan', round: 2, currentTier: 1, isAwaitingRevision: true });
    const sentBack = await readProposal(t, opd.cookie, id);
    expect(sentBack).toMatchObject({ state: 'dikembalikan', stageCode: 'pembahasan_tkksd' });
    expect(sentBack.timeline.find((event) => event.action === 'send_back')?.note).toBe('Lengkapi analisis dampak lingkungan.');
    expect(await noticesOf(opd.cookie, id)).toContain('proposal_review_revision_requested');
    expect(await noticesOf(admin.cookie, id)).toContain('proposal_review_revision_requested');

    const waiting = await decide(id, r(1), { decision: 'approve' });
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json<ApiErrorBody>().error.details).toEqual({ reason: 'awaiting_revision' });

    await uploadAll(t, opd.cookie, id, ['studi_kelayakan']);
    expect((await act(t, opd.cookie, id, 'resume')).statusCode).toBe(200);
    // The open tier hears again that the proposal waits for it.
    expect(await noticesOf(r(1).cookie, id)).toEqual(['proposal_review_open', 'proposal_review_open']);

    const first = await decide(id, r(0), { decision: 'approve' });
    expect(first.json<ReviewView>()).toMatchObject({ status: 'berjalan', round: 2 });
    expect((await readProposal(t, admin.cookie, id)).stageCode).toBe('pembahasan_tkksd');
    const second = await decide(id, r(1), { decision: 'approve', comment: 'Setuju.' });
    expect(second.json<ReviewView>()).toMatchObject({ status: 'selesai', tiers: [{ status: 'passed' }] });

    const after = await readProposal(t, admin.cookie, id);
    expect(after).toMatchObject({ state: 'aktif', stageCode: 'penawaran_tanggapan' });
    const review = await readReview(id);
    expect(review?.decisions.map((decision) => [decision.round, decision.decision])).toEqual([
      [1, 'request_revision'],
      [2, 'approve'],
      [2, 'approve'],
    ]);
    const advance = await eventsOf(id, 'advance');
    expect(advance).toHaveLength(1);
    expect(advance[0]?.actorId).toBe(r(1).id);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'proposal'), eq(auditLog.entityId, id), eq(auditLog.action, 'advance')));
    expect(audit).toHaveLength(1);
    expect(await noticesOf(opd.cookie, id)).toContain('proposal_review_passed');
  });

  it('tells an outside initiator by e-mail what the TKKSD asks, and that it approved after the revision', async () => {
    const external = { institution: 'Universitas Khairun', contactName: 'Dr. Nurlaila Hasan', email: 'nurlaila@unkhair.example' };
    const view = await createProposalAs(t, admin.cookie, { initiatorType: 'external', external });
    await act(t, admin.cookie, view.id, 'submit');
    await uploadAll(t, admin.cookie, view.id, (await readProposal(t, admin.cookie, view.id)).missingDocTypes);
    expect((await act(t, admin.cookie, view.id, 'validate')).statusCode).toBe(200);
    await uploadAll(t, admin.cookie, view.id, (await readProposal(t, admin.cookie, view.id)).missingDocTypes);
    await configure(view.id, [{ rule: 'any', reviewerIds: [r(0).id] }]);
    await decide(view.id, r(0), { decision: 'request_revision', comment: 'Lampirkan rencana pembiayaan bersama.' });
    const mailTo = async () => (await t.database.db.select().from(outbox).where(and(eq(outbox.entityId, view.id), eq(outbox.toAddress, external.email)))).map((mail) => mail.textBody ?? '');
    expect((await mailTo()).some((text) => text.includes('dikembalikan TKKSD') && text.includes('Lampirkan rencana pembiayaan bersama.'))).toBe(true);
    expect((await act(t, admin.cookie, view.id, 'resume')).statusCode).toBe(200);
    expect((await decide(view.id, r(0), { decision: 'approve' })).json<ReviewView>()).toMatchObject({ status: 'selesai', round: 2 });
    expect((await mailTo()).some((text) => text.includes('disetujui TKKSD'))).toBe(true);
    expect((await readProposal(t, admin.cookie, view.id)).stageCode).toBe('penawaran_tanggapan');
  });

  it('opens tier 2 only when tier 1 is satisfied, and refuses a decision from a tier not yet open', async () => {
    const id = await atTkksdStage();
    await configure(id, [
      { rule: 'any', reviewerIds: [r(0).id, r(1).id] },
      { rule: 'all', reviewerIds: [r(2).id] },
    ]);
    const early = await decide(id, r(2), { decision: 'approve' });
    expect(early.statusCode).toBe(409);
    expect(early.json<ApiErrorBody>().error.details).toEqual({ reason: 'tier_not_open' });
    expect(await noticesOf(r(2).cookie, id)).toEqual([]);

    const opened = await decide(id, r(0), { decision: 'approve' });
    expect(opened.json<ReviewView>()).toMatchObject({ currentTier: 2, tiers: [{ status: 'passed' }, { status: 'open' }] });
    expect(await noticesOf(r(2).cookie, id)).toEqual(['proposal_review_open']);
    const late = await decide(id, r(1), { decision: 'approve' });
    expect(late.statusCode).toBe(409);

    expect((await decide(id, r(2), { decision: 'approve' })).statusCode).toBe(200);
    expect((await readProposal(t, admin.cookie, id)).stageCode).toBe('penawaran_tanggapan');
  });

  it('refuses a hand-taken advance while the review is not done, and says so', async () => {
    const id = await atTkksdStage();
    expect((await readProposal(t, admin.cookie, id)).allowedActions).toContain('advance');
    await configure(id, [{ rule: 'all', reviewerIds: [r(0).id] }]);
    expect((await readProposal(t, admin.cookie, id)).allowedActions).not.toContain('advance');
    const refused = await act(t, admin.cookie, id, 'advance');
    expect(refused.statusCode).toBe(409);
    const { error } = refused.json<ApiErrorBody>();
    expect(error.details).toEqual({ reason: 'review_pending' });
    expect(error.message).toContain('Peninjauan TKKSD belum selesai');
    expect(error.messageEn).toContain('TKKSD review is not done');
    expect((await readProposal(t, admin.cookie, id)).stageCode).toBe('pembahasan_tkksd');
  });

  it('leaves the stage to the admin when the review passes while the berita acara is missing', async () => {
    const id = await atTkksdStage({ beritaAcara: false });
    await configure(id, [{ rule: 'any', reviewerIds: [r(0).id] }]);
    const approved = await decide(id, r(0), { decision: 'approve' });
    expect(approved.json<ReviewView>().status).toBe('selesai');
    expect(await readProposal(t, admin.cookie, id)).toMatchObject({ stageCode: 'pembahasan_tkksd', missingDocTypes: ['berita_acara'] });
    expect(await eventsOf(id, 'review_completed')).toHaveLength(1);
    expect(await noticesOf(admin.cookie, id)).toContain('proposal_review_passed_awaiting_documents');
    await uploadAll(t, opd.cookie, id, ['berita_acara']);
    expect((await act(t, admin.cookie, id, 'advance')).statusCode).toBe(200);
  });

  it('rejects the proposal when a reviewer rejects, with the comment as the reason', async () => {
    const id = await atTkksdStage();
    await configure(id, [{ rule: 'all', reviewerIds: [r(0).id, r(1).id] }]);
    const rejected = await decide(id, r(1), { decision: 'reject', comment: 'Tidak sejalan dengan RPJMD Kota Ternate.' });
    expect(rejected.json<ReviewView>().status).toBe('ditolak');
    const view = await readProposal(t, admin.cookie, id);
    expect(view.state).toBe('ditolak');
    expect(view.timeline.find((event) => event.action === 'reject')?.note).toBe('Tidak sejalan dengan RPJMD Kota Ternate.');
    expect(await noticesOf(opd.cookie, id)).toContain('proposal_review_rejected');
    expect((await decide(id, r(0), { decision: 'approve' })).statusCode).toBe(409);
  });

  it('replaces a reviewer while the review runs: the old assignment ends, audited, and the new reviewer decides', async () => {
    const id = await atTkksdStage();
    const review = (await configure(id, [{ rule: 'all', reviewerIds: [r(0).id, r(1).id] }])).json<ReviewView>();
    const leaving = review.tiers[0]?.assignments.find((assignment) => assignment.reviewer.id === r(1).id);
    if (!leaving) throw new Error('no assignment');
    const replace = (version: number) =>
      t.app.inject({ method: 'POST', url: `/api/proposals/${id}/review/replacements`, headers: { cookie: admin.cookie }, payload: { assignmentId: leaving.id, reviewerId: r(3).id, version } });
    const replaced = await replace(review.version);
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect((await replace(review.version)).statusCode).toBe(409);
    const after = replaced.json<ReviewView>();
    const ended = new Map(after.tiers[0]?.assignments.map((assignment) => [assignment.reviewer.id, assignment.endedAt !== null]));
    expect(Object.fromEntries(ended)).toEqual({ [r(0).id]: false, [r(1).id]: true, [r(3).id]: false });
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'proposal_review'), eq(auditLog.entityId, review.id), eq(auditLog.action, 'replace_reviewer')));
    expect(audit).toHaveLength(1);
    expect(await noticesOf(r(3).cookie, id)).toEqual(['proposal_review_open']);
    expect((await decide(id, r(1), { decision: 'approve' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/proposals/${id}`, headers: { cookie: r(1).cookie } })).statusCode).toBe(403);
    await decide(id, r(0), { decision: 'approve' });
    expect((await decide(id, r(3), { decision: 'approve' })).json<ReviewView>().status).toBe('selesai');
  });

  it('checks the tiers: only TKKSD members or admins, at the TKKSD stage, set once, by the admin', async () => {
    const id = await atTkksdStage();
    const byOpd = await configure(id, [{ rule: 'all', reviewerIds: [r(0).id] }], opd.cookie);
    expect(byOpd.statusCode).toBe(403);
    const notReviewer = await configure(id, [{ rule: 'all', reviewerIds: [r(0).id, opd.id] }]);
    expect(notReviewer.statusCode).toBe(400);
    expect(notReviewer.json<ApiErrorBody>().error.field).toBe('tiers.0.reviewerIds.1');
    const twice = await configure(id, [{ rule: 'all', reviewerIds: [r(0).id] }, { rule: 'any', reviewerIds: [r(0).id] }]);
    expect(twice.statusCode).toBe(400);
    expect(await readReview(id)).toBeNull();
    expect((await configure(id, [{ rule: 'all', reviewerIds: [r(0).id, admin.id] }])).statusCode).toBe(201);
    const again = await configure(id, [{ rule: 'all', reviewerIds: [r(1).id] }]);
    expect(again.json<ApiErrorBody>().error.details).toEqual({ reason: 'review_exists' });

    const early = await createProposalAs(t, opd.cookie);
    await act(t, opd.cookie, early.id, 'submit');
    const wrongStage = await configure(early.id, [{ rule: 'all', reviewerIds: [r(0).id] }]);
    expect(wrongStage.json<ApiErrorBody>().error.details).toEqual({ reason: 'wrong_stage' });
  });

  it('lets an assigned reviewer read and list the proposal (assignedToMe), and nobody else of the TKKSD', async () => {
    const id = await atTkksdStage();
    await configure(id, [{ rule: 'all', reviewerIds: [r(2).id] }]);
    expect((await t.app.inject({ method: 'GET', url: `/api/proposals/${id}`, headers: { cookie: r(2).cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/proposals/${id}`, headers: { cookie: r(3).cookie } })).statusCode).toBe(403);
    const mine: ProposalListResponse = (await t.app.inject({ method: 'GET', url: '/api/proposals?assignedToMe=true', headers: { cookie: r(2).cookie } })).json();
    expect(mine.items.map((item) => item.id)).toContain(id);
    const others: ProposalListResponse = (await t.app.inject({ method: 'GET', url: '/api/proposals', headers: { cookie: r(3).cookie } })).json();
    expect(others.items.map((item) => item.id)).not.toContain(id);
    const adminMine: ProposalListResponse = (await t.app.inject({ method: 'GET', url: '/api/proposals?assignedToMe=1', headers: { cookie: admin.cookie } })).json();
    expect(adminMine.items.map((item) => item.id)).not.toContain(id);
    const view = await readReview(id, r(2).cookie);
    expect(view?.myPendingAssignmentId).toBe(view?.tiers[0]?.assignments[0]?.id);
    const document = (await readProposal(t, r(2).cookie, id)).documents[0];
    const file = await t.app.inject({ method: 'GET', url: `/api/proposal-documents/${document?.id ?? ''}/file`, headers: { cookie: r(2).cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('documents the review, thread and meeting routes in the OpenAPI schema', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/proposals/{id}/review',
        '/api/proposals/{id}/review/replacements',
        '/api/proposals/{id}/review/decisions',
        '/api/proposal-documents/{id}/comments',
        '/api/public/proposals/track/{token}/documents/{documentId}/comments',
        '/api/proposals/{id}/meetings',
        '/api/proposal-meetings/{id}',
      ]),
    );
  });

  it('advances exactly once when the two reviewers of an all tier approve at the same moment', async () => {
    const id = await atTkksdStage();
    await configure(id, [{ rule: 'all', reviewerIds: [r(0).id, r(1).id] }]);
    const answers = await Promise.all([decide(id, r(0), { decision: 'approve' }), decide(id, r(1), { decision: 'approve' })]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
    expect(await eventsOf(id, 'advance')).toHaveLength(1);
    const view: ProposalView = await readProposal(t, admin.cookie, id);
    expect(view.stageCode).toBe('penawaran_tanggapan');
    expect((await readReview(id))?.status).toBe('selesai');
  });

  it('advances exactly once when the two reviewers of an any tier approve at the same moment; the later one is told it is over', async () => {
    const id = await atTkksdStage();
    await configure(id, [{ rule: 'any', reviewerIds: [r(0).id, r(1).id] }]);
    const answers = await Promise.all([decide(id, r(0), { decision: 'approve' }), decide(id, r(1), { decision: 'approve' })]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const late = answers.find((answer) => answer.statusCode === 409);
    expect(late?.json<ApiErrorBody>().error.details).toEqual({ reason: 'review_done' });
    expect(await eventsOf(id, 'advance')).toHaveLength(1);
    expect((await readProposal(t, admin.cookie, id)).stageCode).toBe('penawaran_tanggapan');
  });
});
