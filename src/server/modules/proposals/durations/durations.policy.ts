import type { Actor } from '../../../lib/context';

// The division, the TKKSD and the leadership read the durations of every proposal in the queue;
// an OPD reads its own OPD's only, the same proposals it sees in its list.
export type DurationStatsScope = { kind: 'all' } | { kind: 'unit'; unitId: string } | { kind: 'none' };

export function durationStatsScope(actor: Actor): DurationStatsScope {
  switch (actor.role) {
    case 'admin':
    case 'tkksd':
    case 'pimpinan':
      return { kind: 'all' };
    case 'opd':
      return actor.unitId ? { kind: 'unit', unitId: actor.unitId } : { kind: 'none' };
  }
}

export function canReadDurationStats(actor: Actor): boolean {
  return durationStatsScope(actor).kind !== 'none';
}
