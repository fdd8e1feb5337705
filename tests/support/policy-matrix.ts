import { expect, it } from 'vitest';
import type { Actor } from '../../src/server/lib/context';

// The actors a policy test puts through its matrix. Ids and e-mails are placeholders: policies
// decide from the role and the OPD (unit) only.
export function actorOf(role: Actor['role'], unitId: string | null = null): Actor {
  return { id: `${role}-${unitId ?? 'none'}`, email: `${role}@uji.jalin`, name: role, role, unitId };
}

export type MatrixRow<Name extends string> = [action: string, rule: (who: Actor) => boolean, expected: Record<Name, boolean>];

// One `it` per action; each checks every actor, so a failure names both the action and the actor.
// Call inside a `describe`.
export function expectMatrix<Name extends string>(actors: Record<Name, Actor>, rows: MatrixRow<Name>[]): void {
  for (const [action, rule, expected] of rows) {
    it(action, () => {
      for (const name of Object.keys(actors) as Name[]) expect(rule(actors[name]), `${name}: ${action}`).toBe(expected[name]);
    });
  }
}
