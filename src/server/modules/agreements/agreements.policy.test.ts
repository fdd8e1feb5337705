import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { buildUnit } from '../../../../tests/support/builders';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db';
import { ROLES } from '../../../shared/roles';
import type { Actor } from '../../lib/context';
import {
  canCreateAgreement,
  canEditAgreement,
  canEndAgreement,
  canListNumberDuplicates,
  canReadAgreement,
  canReadAgreementAudit,
  draftVisibility,
  readableAgreementsFilter,
} from './agreements.policy';
import { agreements } from './agreements.table';

// Every role (an OPD with and without its own OPD) × every action of the registry, against a signed
// agreement, a draft its OPD is linked to and a draft of another OPD.
const OWN_UNIT = '11111111-1111-4111-8111-111111111111';
const OTHER_UNIT = '22222222-2222-4222-8222-222222222222';
const PRINCIPALS = ['admin', 'tkksd', 'opd', 'opd_without_unit', 'pimpinan'] as const;
type Principal = (typeof PRINCIPALS)[number];

const actors: Record<Principal, Actor> = {
  admin: { id: 'a', email: 'admin@jalin.local', name: 'Admin', role: 'admin', unitId: null },
  tkksd: { id: 't', email: 'tkksd@jalin.local', name: 'TKKSD', role: 'tkksd', unitId: null },
  opd: { id: 'o', email: 'opd@jalin.local', name: 'OPD', role: 'opd', unitId: OWN_UNIT },
  opd_without_unit: { id: 'q', email: 'tanpa@jalin.local', name: 'OPD tanpa unit', role: 'opd', unitId: null },
  pimpinan: { id: 'w', email: 'walikota@jalin.local', name: 'Pimpinan', role: 'pimpinan', unitId: null },
};

const signed = { isDraft: false, unitIds: [OTHER_UNIT] };
const ownDraft = { isDraft: true, unitIds: [OWN_UNIT, OTHER_UNIT] };
const otherDraft = { isDraft: true, unitIds: [OTHER_UNIT] };

const ACTIONS = {
  read_signed: (actor: Actor) => canReadAgreement(actor, signed),
  read_own_draft: (actor: Actor) => canReadAgreement(actor, ownDraft),
  read_other_draft: (actor: Actor) => canReadAgreement(actor, otherDraft),
  read_audit_signed: (actor: Actor) => canReadAgreementAudit(actor, signed),
  read_audit_own_draft: (actor: Actor) => canReadAgreementAudit(actor, ownDraft),
  read_audit_other_draft: (actor: Actor) => canReadAgreementAudit(actor, otherDraft),
  create: canCreateAgreement,
  edit: canEditAgreement,
  end: canEndAgreement,
  list_number_duplicates: canListNumberDuplicates,
} satisfies Record<string, (actor: Actor) => boolean>;
type Action = keyof typeof ACTIONS;

const Y = true;
const N = false;
// admin, tkksd, opd (own OPD linked to ownDraft), opd without an OPD, pimpinan
const EXPECTED: Record<Action, readonly boolean[]> = {
  read_signed: [Y, Y, Y, Y, Y],
  read_own_draft: [Y, Y, Y, N, N],
  read_other_draft: [Y, Y, N, N, N],
  read_audit_signed: [Y, Y, Y, Y, Y],
  read_audit_own_draft: [Y, Y, Y, N, N],
  read_audit_other_draft: [Y, Y, N, N, N],
  create: [Y, N, N, N, N],
  edit: [Y, N, N, N, N],
  end: [Y, N, N, N, N],
  list_number_duplicates: [Y, N, N, N, N],
};

describe('agreements policy matrix', () => {
  it('covers every role', () => {
    expect([...new Set(PRINCIPALS.map((principal) => actors[principal].role))].sort()).toEqual([...ROLES].sort());
  });

  for (const action of Object.keys(ACTIONS) as Action[]) {
    PRINCIPALS.forEach((principal, index) => {
      it(`${principal} × ${action}`, () => {
        expect(ACTIONS[action](actors[principal])).toBe(EXPECTED[action][index]);
      });
    });
  }

  it('lets the command line (no actor) list the duplicate numbers', () => {
    expect(canListNumberDuplicates(null)).toBe(true);
  });

  it('tells each role which drafts it sees', () => {
    expect(PRINCIPALS.map((principal) => draftVisibility(actors[principal]))).toEqual([
      { kind: 'all' },
      { kind: 'all' },
      { kind: 'unit', unitId: OWN_UNIT },
      { kind: 'none' },
      { kind: 'none' },
    ]);
  });
});

describe('readableAgreementsFilter', () => {
  let database: TestDatabase;
  const ids = { signed: '', ownDraft: '', otherDraft: '' };
  const owner = { ...actors.opd };
  beforeAll(async () => {
    database = await createTestDatabase();
    const own = await buildUnit(database.db);
    const other = await buildUnit(database.db);
    owner.unitId = own.id;
    ids.signed = (await buildAgreement(database.db, { leadUnitId: other.id })).id;
    ids.ownDraft = (await buildAgreement(database.db, { isDraft: true, leadUnitId: other.id, supportingUnitIds: [own.id] })).id;
    ids.otherDraft = (await buildAgreement(database.db, { isDraft: true, leadUnitId: other.id })).id;
  });
  afterAll(async () => {
    await database.close();
  });

  it('lets through, as SQL, exactly the agreements canReadAgreement allows, for every role', async () => {
    const byRole = { ...actors, opd: owner };
    const expected = { signed: [Y, Y, Y, Y, Y], ownDraft: [Y, Y, Y, N, N], otherDraft: [Y, Y, N, N, N] };
    for (const [index, principal] of PRINCIPALS.entries()) {
      const rows = await database.db
        .select({ id: agreements.id })
        .from(agreements)
        .where(sql`${inArray(agreements.id, Object.values(ids))} AND ${readableAgreementsFilter(byRole[principal])}`);
      const seen = new Set(rows.map((row) => row.id));
      for (const key of ['signed', 'ownDraft', 'otherDraft'] as const) {
        expect(seen.has(ids[key]), `${principal} ${key}`).toBe(expected[key][index]);
      }
    }
  });
});
