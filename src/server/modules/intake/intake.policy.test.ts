import { describe } from 'vitest';
import { actorOf, expectMatrix } from '../../../../tests/support/policy-matrix';
import { canUseIntake } from './intake.policy';

describe('intake policy', () => {
  const actors = { admin: actorOf('admin'), tkksd: actorOf('tkksd'), pimpinan: actorOf('pimpinan'), opd: actorOf('opd', 'unit-1') };
  expectMatrix(actors, [['use bulk intake', canUseIntake, { admin: true, tkksd: false, pimpinan: false, opd: false }]]);
});
