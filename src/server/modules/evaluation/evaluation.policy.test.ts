import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import { ROLES, type Role } from '../../../shared/roles';
import type { EvaluationRespondent } from '../../../shared/evaluation';
import { canManagePartnerLink, canReadEvaluationForm, canReadEvaluations, canReviseEvaluationForm, respondentOf } from './evaluation.policy';

// Every role (the OPD with its own OPD): a new role fails to compile here until it has its row.
const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opd: actor('opd', 'unit-id'), pimpinan: actor('pimpinan') } satisfies Record<Role, unknown>;
const actorOf = (role: Role) => actors[role];

// An anonymous caller is stopped by the route (401).
describe('evaluation form permissions', () => {
  expectMatrix(actors, [
    ['read the evaluation form', canReadEvaluationForm, { admin: true, tkksd: true, opd: true, pimpinan: true }],
    ['revise the evaluation form', canReviseEvaluationForm, { admin: true, tkksd: false, opd: false, pimpinan: false }],
  ]);
});

// The partner itself needs no role: its link is checked by the public routes.
describe("the partner's private link", () => {
  expectMatrix(actors, [['send, resend, revoke and read the partner link', canManagePartnerLink, { admin: true, tkksd: false, opd: false, pimpinan: false }]]);
});

describe('who reads and answers an agreement\'s evaluations', () => {
  const own = { unitIds: ['unit-id', 'other-unit'] };
  const foreign = { unitIds: ['other-unit'] };
  const READS: Record<Role, [boolean, boolean]> = { admin: [true, true], tkksd: [true, true], opd: [true, false], pimpinan: [true, true] };
  const ANSWERS_AS: Record<Role, [EvaluationRespondent | null, EvaluationRespondent | null]> = {
    admin: ['admin', 'admin'],
    tkksd: ['tkksd', 'tkksd'],
    opd: ['opd', null],
    pimpinan: [null, null],
  };
  for (const role of ROLES) {
    it(`${role}: reads its own OPD's ${String(READS[role][0])}, another's ${String(READS[role][1])}; answers as ${String(ANSWERS_AS[role][0])} when its OPD leads, ${String(ANSWERS_AS[role][1])} when not`, () => {
      expect([canReadEvaluations(actorOf(role), own), canReadEvaluations(actorOf(role), foreign)]).toEqual(READS[role]);
      expect([respondentOf(actorOf(role), { leadUnitId: 'unit-id' }), respondentOf(actorOf(role), { leadUnitId: 'other-unit' })]).toEqual(ANSWERS_AS[role]);
    });
  }
});
