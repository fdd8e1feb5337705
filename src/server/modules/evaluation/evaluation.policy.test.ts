import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles';
import type { Actor } from '../../lib/context';
import type { EvaluationRespondent } from '../../../shared/evaluation';
import { canReadEvaluationForm, canReadEvaluations, canReviseEvaluationForm, respondentOf } from './evaluation.policy';

const actorOf = (role: Role): Actor => ({ id: `${role}-id`, email: `${role}@uji`, name: role, role, unitId: role === 'opd' ? 'unit-id' : null });

const ACTIONS: [string, (actor: Actor) => boolean][] = [
  ['read the evaluation form', canReadEvaluationForm],
  ['revise the evaluation form', canReviseEvaluationForm],
];

// Rows: role; columns in ACTIONS order. An anonymous caller is stopped by the route (401).
const EXPECTED: Record<Role, [boolean, boolean]> = {
  admin: [true, true],
  tkksd: [true, false],
  opd: [true, false],
  pimpinan: [true, false],
};

describe('evaluation form permissions', () => {
  for (const role of ROLES) {
    ACTIONS.forEach(([action, allows], index) => {
      const expected = EXPECTED[role][index];
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(allows(actorOf(role))).toBe(expected);
      });
    });
  }
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
