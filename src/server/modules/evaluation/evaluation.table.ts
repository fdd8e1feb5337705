import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Answer, BandThresholds, ComputedSource, DimensionWeights, EvaluationDimension, EvaluationRespondent, EvaluationStatus, ScaleStep } from '../../../shared/evaluation';
import { agreements } from '../agreements/agreements.table';
import { users } from '../users/users.table';

// A revision of the evaluation form. Revisions are frozen: a change to the indicators is a new
// revision, and a trigger (migration 0018) refuses UPDATE and DELETE on both tables, so an
// evaluation filled on revision N reads the same questions, weights and bands for ever.
export const evaluationForms = pgTable(
  'evaluation_forms',
  {
    revision: integer('revision').primaryKey(),
    note: text('note').notNull(),
    dimensionWeights: jsonb('dimension_weights').$type<DimensionWeights>().notNull(),
    bands: jsonb('bands').$type<BandThresholds>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [check('evaluation_forms_revision_ok', sql`${table.revision} >= 1`)],
);

export const evaluationIndicators = pgTable(
  'evaluation_indicators',
  {
    revision: integer('revision')
      .notNull()
      .references(() => evaluationForms.revision),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    dimension: text('dimension').$type<EvaluationDimension>().notNull(),
    question: text('question').notNull(),
    questionEn: text('question_en').notNull(),
    scale: jsonb('scale').$type<ScaleStep[]>().notNull(),
    weight: integer('weight').notNull(),
    evidenceRequired: boolean('evidence_required').notNull(),
    respondents: text('respondents').array().$type<EvaluationRespondent[]>().notNull(),
    computedFrom: text('computed_from').$type<ComputedSource>(),
  },
  (table) => [
    primaryKey({ columns: [table.revision, table.code] }),
    check('evaluation_indicators_dimension_ok', sql`${table.dimension} IN ('simbiosis', 'mutualisme', 'implementasi')`),
    check('evaluation_indicators_weight_ok', sql`${table.weight} BETWEEN 1 AND 100`),
  ],
);

// One evaluation of one agreement for one monitoring period, on the form revision current when it
// was opened. Reopening a final evaluation writes a new one that names it; the old one stays.
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    period: text('period').notNull(),
    formRevision: integer('form_revision')
      .notNull()
      .references(() => evaluationForms.revision),
    status: text('status').$type<EvaluationStatus>().notNull().default('open'),
    reopenedFrom: uuid('reopened_from').references((): AnyPgColumn => evaluations.id),
    openedBy: uuid('opened_by').references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    finalisedBy: uuid('finalised_by').references(() => users.id),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('evaluations_agreement_idx').on(table.agreementId, table.openedAt),
    // At most one open evaluation per agreement and period.
    uniqueIndex('evaluations_one_open_idx').on(table.agreementId, table.period).where(sql`${table.status} = 'open'`),
    check('evaluations_status_ok', sql`${table.status} IN ('open', 'final')`),
  ],
);

// Each respondent's answers, one row per respondent, replaced while the evaluation is open.
export const evaluationResponses = pgTable(
  'evaluation_responses',
  {
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    respondent: text('respondent').$type<EvaluationRespondent>().notNull(),
    userId: uuid('user_id').references(() => users.id),
    answers: jsonb('answers').$type<Answer[]>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.evaluationId, table.respondent] }),
    check('evaluation_responses_respondent_ok', sql`${table.respondent} IN ('opd', 'tkksd', 'partner', 'admin')`),
  ],
);

// The computed indicators of a final evaluation as they stood when it was finalised (decision 0018):
// while it is open they are computed live; once final, later changes to plans, reports, obligations
// or dissemination never move its scores. Written once, with the finalisation; never updated.
export const evaluationComputedValues = pgTable(
  'evaluation_computed_values',
  {
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    code: text('code').notNull(),
    source: text('source').$type<ComputedSource>().notNull(),
    // Null: nothing to measure (not counted).
    score: smallint('score'),
    figureCount: integer('figure_count'),
    figureOf: integer('figure_of'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.evaluationId, table.code] }), check('evaluation_computed_values_score_ok', sql`${table.score} IS NULL OR ${table.score} BETWEEN 0 AND 4`)],
);
