import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { buildUnit } from '../../../../tests/support/builders';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db';
import { ROLES } from '../../../shared/roles';
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

const actors = {
  admin: actor('admin'),
  tkksd: actor('tkksd'),
  opd: actor('opd', OWN_UNIT),
  opd_without_unit: actor('opd'),
  pimpinan: actor('pimpinan'),
} satisfies Record<Principal, unknown>;

const signed = { isDraft: false, unitIds: [OTHER_UNIT] };
const ownDraft = { isDraft: true, unitIds: [OWN_UNIT, OTHER_UNIT] };
const otherDraft = { isDraft: true, unitIds: [OTHER_UNIT] };

const Y = true;
const N = false;
// opd: its own OPD is linked to ownDraft.
const everyone = { admin: Y, tkksd: Y, opd: Y, opd_without_unit: Y, pimpinan: Y };
const ownDraftReaders = { admin: Y, tkksd: Y, opd: Y, opd_without_unit: N, pimpinan: N };
const divisionAndTeam = { admin: Y, tkksd: Y, opd: N, opd_without_unit: N, pimpinan: N };
const adminOnly = { admin: Y, tkksd: N, opd: N, opd_without_unit: N, pimpinan: N };

describe('agreements policy matrix', () => {
  it('covers every role', () => {
    expect([...new Set(PRINCIPALS.map((principal) => actors[principal].role))].sort()).toEqual([...ROLES].sort());
  });

  expectMatrix(actors, [
    ['read_signed', (who) => canReadAgreement(who, signed), everyone],
    ['read_own_draft', (who) => canReadAgreement(who, ownDraft), ownDraftReaders],
    ['read_other_draft', (who) => canReadAgreement(who, otherDraft), divisionAndTeam],
    ['read_audit_signed', (who) => canReadAgreementAudit(who, signed), everyone],
    ['read_audit_own_draft', (who) => canReadAgreementAudit(who, ownDraft), ownDraftReaders],
    ['read_audit_other_draft', (who) => canReadAgreementAudit(who, otherDraft), divisionAndTeam],
    ['create', canCreateAgreement, adminOnly],
    ['edit', canEditAgreement, adminOnly],
    ['end', canEndAgreement, adminOnly],
    ['list_number_duplicates', canListNumberDuplicates, adminOnly],
  ]);

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
