import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/context';
import { canReadAgreement, draftVisibility, type DraftVisibility } from '../agreements/agreements.policy';
import { canExportRegistry, canReadRegistry } from './search.policy';

// The registry list filters drafts with draftVisibility (as SQL) and the agreement page checks one
// agreement with canReadAgreement: both come from the agreements module's one rule, and must agree.
const OWN_UNIT = '11111111-1111-4111-8111-111111111111';
const OTHER_UNIT = '22222222-2222-4222-8222-222222222222';

function actor(role: Actor['role'], unitId: string | null = null): Actor {
  return { id: '33333333-3333-4333-8333-333333333333', email: `${role}@jalin.local`, name: role, role, unitId };
}

// What the list's condition (visibilityCondition in search.filters.ts) lets through, in plain code.
function listShows(visibility: DraftVisibility, agreement: { isDraft: boolean; unitIds: string[] }): boolean {
  if (!agreement.isDraft) return true;
  if (visibility.kind === 'all') return true;
  return visibility.kind === 'unit' && agreement.unitIds.includes(visibility.unitId);
}

const ACTORS = [actor('admin'), actor('tkksd'), actor('opd', OWN_UNIT), actor('opd'), actor('pimpinan')];
const AGREEMENTS = [
  { isDraft: false, unitIds: [OTHER_UNIT] },
  { isDraft: true, unitIds: [OWN_UNIT, OTHER_UNIT] },
  { isDraft: true, unitIds: [OTHER_UNIT] },
];

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

  it('lets every signed-in role read and export the registry', () => {
    expect(ACTORS.every((reader) => canReadRegistry(reader) && canExportRegistry(reader))).toBe(true);
  });
});
