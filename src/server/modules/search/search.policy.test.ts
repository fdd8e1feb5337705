import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import { canReadAgreement, draftVisibility, type DraftVisibility } from '../agreements/agreements.policy';
import { canExportRegistry, canReadRegistry } from './search.policy';

// The registry list filters drafts with draftVisibility (as SQL) and the agreement page checks one
// agreement with canReadAgreement: both come from the agreements module's one rule, and must agree.
const OWN_UNIT = '11111111-1111-4111-8111-111111111111';
const OTHER_UNIT = '22222222-2222-4222-8222-222222222222';

const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opd: actor('opd', OWN_UNIT), opdWithoutUnit: actor('opd'), pimpinan: actor('pimpinan') };

// What the list's condition (visibilityCondition in search-filters.repository.ts) lets through, in plain code.
function listShows(visibility: DraftVisibility, agreement: { isDraft: boolean; unitIds: string[] }): boolean {
  if (!agreement.isDraft) return true;
  if (visibility.kind === 'all') return true;
  return visibility.kind === 'unit' && agreement.unitIds.includes(visibility.unitId);
}

const ACTORS = Object.values(actors);
const AGREEMENTS = [
  { isDraft: false, unitIds: [OTHER_UNIT] },
  { isDraft: true, unitIds: [OWN_UNIT, OTHER_UNIT] },
  { isDraft: true, unitIds: [OTHER_UNIT] },
];

describe('search policy: role × action', () => {
  const everyone = { admin: true, tkksd: true, opd: true, opdWithoutUnit: true, pimpinan: true };
  expectMatrix(actors, [
    ['read the registry list', canReadRegistry, everyone],
    ['export the registry', canExportRegistry, everyone],
  ]);
});

describe('draft visibility', () => {
  it('gives the same answer in the registry list as on the agreement page, for every role and draft', () => {
    for (const reader of ACTORS) {
      for (const agreement of AGREEMENTS) {
        expect(listShows(draftVisibility(reader), agreement), `${reader.role} ${reader.unitId ?? ''} ${JSON.stringify(agreement)}`).toBe(
          canReadAgreement(reader, agreement),
        );
      }
    }
  });

  it('shows drafts to the division and the review team, to an OPD only its own, to leadership none', () => {
    expect(ACTORS.map((reader) => draftVisibility(reader))).toEqual([
      { kind: 'all' },
      { kind: 'all' },
      { kind: 'unit', unitId: OWN_UNIT },
      { kind: 'none' },
      { kind: 'none' },
    ]);
  });
});
