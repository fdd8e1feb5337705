import { describe, expect, it } from 'vitest';
import { ABILITIES, type Abilities } from '../../shared/abilities';
import { isAllowed, type Session } from './session';

const none = Object.fromEntries(ABILITIES.map((name) => [name, false])) as Abilities;
const session = (granted: Partial<Abilities>): Session => ({
  user: { id: 'u', email: 'u@jalin.local', name: 'U', role: 'tkksd', unitId: null },
  abilities: { ...none, ...granted },
});

describe('isAllowed', () => {
  it('allows a screen that names no ability to any signed-in user, and nothing to a visitor', () => {
    expect(isAllowed(session({}), undefined)).toBe(true);
    expect(isAllowed(null, undefined)).toBe(false);
    expect(isAllowed(null, 'plans.gap')).toBe(false);
  });

  it('follows the abilities the server sent, not the role', () => {
    expect(isAllowed(session({ 'plans.gap': true }), 'plans.gap')).toBe(true);
    expect(isAllowed(session({ 'plans.gap': true }), 'admin.users')).toBe(false);
  });
});
