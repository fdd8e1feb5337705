import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { REVIEW_DECISIONS, REVIEW_STATUSES, REVIEW_TIER_RULES } from '../../../../shared/proposal-reviews';
import { users } from '../../users/users.table';
import { proposals } from '../core/proposals.table';

// The TKKSD review of one proposal at one stage: ordered tiers of reviewers, decided round by round.
export const proposalReviews = pgTable(
  'proposal_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    stageCode: text('stage_code').notNull(),
    status: text('status', { enum: REVIEW_STATUSES }).notNull().default('berjalan'),
    // A request for revision starts the next round: decisions of earlier rounds stay as history.
    round: integer('round').notNull().default(1),
    currentTier: smallint('current_tier').notNull().default(1),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('proposal_reviews_stage_key').on(table.proposalId, table.stageCode)],
);

export const proposalReviewTiers = pgTable(
  'proposal_review_tiers',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => proposalReviews.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    rule: text('rule', { enum: REVIEW_TIER_RULES }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.reviewId, table.position] })],
);

// A reviewer's place in a tier. Replacing a reviewer ends the assignment and names the one after it.
export const proposalReviewAssignments = pgTable(
  'proposal_review_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => proposalReviews.id, { onDelete: 'cascade' }),
    tierPosition: smallint('tier_position').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    replacedBy: uuid('replaced_by'),
  },
  (table) => [
    index('proposal_review_assignments_review_idx').on(table.reviewId, table.tierPosition),
    index('proposal_review_assignments_reviewer_idx').on(table.reviewerId),
    // A person holds one running assignment per review.
    uniqueIndex('proposal_review_assignments_active_key').on(table.reviewId, table.reviewerId).where(sql`ended_at IS NULL`),
  ],
);

export const proposalReviewDecisions = pgTable(
  'proposal_review_decisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => proposalReviews.id, { onDelete: 'cascade' }),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => proposalReviewAssignments.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    tierPosition: smallint('tier_position').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    decision: text('decision', { enum: REVIEW_DECISIONS }).notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [
    // One decision per assignment and round: a second click cannot count twice.
    uniqueIndex('proposal_review_decisions_round_key').on(table.assignmentId, table.round),
    index('proposal_review_decisions_review_idx').on(table.reviewId, table.round),
    check('proposal_review_decisions_comment', sql`${table.decision} = 'approve' OR ${table.comment} IS NOT NULL`),
  ],
);
