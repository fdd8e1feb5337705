import type { HomeTaskKind } from '../../../shared/home';
import type { Actor } from '../../lib/context';

// Which tasks land on whose home. The lists are scoped further by the queries: an OPD's to its own
// unit, a reviewer's to its own assignments.
export function homeTaskKindsOf(actor: Actor): HomeTaskKind[] {
  switch (actor.role) {
    case 'opd':
      if (actor.unitId === null) return [];
      return ['report_returned', 'report_due', 'obligation_due', 'obligation_to_confirm', 'evaluation_to_answer', 'package_to_acknowledge', 'agreement_ending'];
    case 'tkksd':
      return ['review_waiting', 'evaluation_to_answer'];
    case 'admin':
      return ['report_to_verify', 'evaluation_to_answer', 'obligation_due', 'agreement_ending'];
    case 'pimpinan':
      return ['agreement_ending'];
  }
}
