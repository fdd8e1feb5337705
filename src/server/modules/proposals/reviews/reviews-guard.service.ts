import type { ProposalAction } from '../../../../shared/proposals';
import type { Db } from '../../../db/client';
import { AppError } from '../../../lib/errors';
import { findReview } from './reviews.repository';

// While a TKKSD review runs on the proposal's stage, only the review closes that stage: a hand-taken
// `advance` would pass over reviewers who have not decided.
export async function assertReviewAllowsAction(db: Db, { proposal, action }: { proposal: { id: string; stageCode: string }; action: ProposalAction }): Promise<void> {
  if (action !== 'advance') return;
  const review = await findReview(db, { proposalId: proposal.id, stageCode: proposal.stageCode });
  if (review?.status !== 'berjalan') return;
  throw new AppError({
    code: 'CONFLICT',
    message: 'Peninjauan TKKSD belum selesai. Tahap ini ditutup otomatis setelah semua tingkat peninjau menyetujui.',
    messageEn: 'The TKKSD review is not done. This stage closes by itself once every tier of reviewers approves.',
    details: { reason: 'review_pending' },
  });
}
