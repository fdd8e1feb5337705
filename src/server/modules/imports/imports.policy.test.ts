import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import { canImport } from './imports.policy';

const UNIT = '11111111-1111-4111-8111-111111111111';

const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opd: actor('opd', UNIT), pimpinan: actor('pimpinan') };

// Every role × importing a register, and the command line (no actor), which imports too.
describe('imports policy: role × action', () => {
  expectMatrix(actors, [['import a register', canImport, { admin: true, tkksd: false, opd: false, pimpinan: false }]]);

  it('lets the command line (no actor) import', () => {
    expect(canImport(null)).toBe(true);
  });
});
