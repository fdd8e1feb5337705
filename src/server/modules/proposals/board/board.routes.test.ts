import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import type { ProposalBoard } from '../../../../shared/proposal-durations';
import type { ReviewView } from '../../../../shared/proposal-reviews';
import type { ProposalListResponse } from '../../../../shared/proposals';
import { act, closeTestApp, createProposalAs, uploadAll } from '../core/proposals.test-support';

const REGISTRATION_OPD = ['kak', 'studi_kelayakan', 'surat_inisiasi', 'sk_ppksd'] as const;

type Person = { cookie: string; id: string };

// Three proposals at the TKKSD stage: two of one OPD, one of another; reviewers set on the first only.
describe('proposal board scope', () => {
  let t: TestApp;
  let admin: Person;
  let ownOpd: Person;
  let otherOpd: Person;
  let reviewer: Person;
  let bystander: Person;
  let reviewed: string;
  let unreviewed: string;
  let otherOpds: string;
  let review: ReviewView;

  const login = async (role: 'admin' | 'tkksd' | 'opd' | 'pimpinan'): Promise<Person> => {
    const { cookie, user } = await t.loginAs(role);
    return { cookie, id: user.id };
  };
  const atTkksdStage = async (opd: Person) => {
    const { id } = await createProposalAs(t, opd.cookie);
    expect((await act(t, opd.cookie, id, 'submit')).statusCode).toBe(200);
    await uploadAll(t, opd.cookie, id, REGISTRATION_OPD);
    expect((await act(t, admin.cookie, id, 'validate')).statusCode).toBe(200);
    return id;
  };
  const boardIds = async (person: Person) => {
    const response = await t.app.inject({ method: 'GET', url: '/api/proposals/board', headers: { cookie: person.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const board = response.json<ProposalBoard>();
    const ids = board.columns.flatMap((column) => column.cards.map((card) => card.id));
    expect(board.total).toBe(ids.length);
    return ids.sort();
  };
  const listIds = async (person: Person) => {
    const response = await t.app.inject({ method: 'GET', url: '/api/proposals', headers: { cookie: person.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ProposalListResponse>().items.map((item) => item.id).sort();
  };

  beforeAll(async () => {
    t = await createTestApp();
    [admin, ownOpd, otherOpd, reviewer, bystander] = [await login('admin'), await login('opd'), await login('opd'), await login('tkksd'), await login('tkksd')];
    reviewed = await atTkksdStage(ownOpd);
    unreviewed = await atTkksdStage(ownOpd);
    otherOpds = await atTkksdStage(otherOpd);
    const configured = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${reviewed}/review`,
      headers: { cookie: admin.cookie },
      payload: { tiers: [{ rule: 'all', reviewerIds: [reviewer.id] }] },
    });
    expect(configured.statusCode, configured.body).toBe(201);
    review = configured.json<ReviewView>();
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  it('shows a TKKSD member exactly the proposal assigned to them, as the list does', async () => {
    expect(await boardIds(reviewer)).toEqual([reviewed]);
    expect(await listIds(reviewer)).toEqual([reviewed]);
    const column = (await t.app.inject({ method: 'GET', url: '/api/proposals/board', headers: { cookie: reviewer.cookie } }))
      .json<ProposalBoard>()
      .columns.find((candidate) => candidate.cards.length > 0);
    expect(column?.stageCode).toBe('pembahasan_tkksd');
  });

  it('shows a TKKSD member without an assignment no proposal', async () => {
    expect(await boardIds(bystander)).toEqual([]);
    expect(await listIds(bystander)).toEqual([]);
  });

  it('leaves the board of an OPD and of the admin as it was: own proposals, and all of them', async () => {
    expect(await boardIds(ownOpd)).toEqual([reviewed, unreviewed].sort());
    expect(await boardIds(otherOpd)).toEqual([otherOpds]);
    expect(await boardIds(admin)).toEqual([reviewed, unreviewed, otherOpds].sort());
    expect(await boardIds(await login('pimpinan'))).toEqual([reviewed, unreviewed, otherOpds].sort());
  });

  // Runs last: it hands the assignment to the other member.
  it('takes the proposal off a replaced reviewer’s board and puts it on the new reviewer’s', async () => {
    const assignment = review.tiers[0]?.assignments[0];
    if (!assignment) throw new Error('no assignment');
    const replaced = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${reviewed}/review/replacements`,
      headers: { cookie: admin.cookie },
      payload: { assignmentId: assignment.id, reviewerId: bystander.id, version: review.version },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(await boardIds(reviewer)).toEqual([]);
    expect(await boardIds(bystander)).toEqual([reviewed]);
  });
});
