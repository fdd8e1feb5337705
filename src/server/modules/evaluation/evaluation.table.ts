import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { BandThresholds, ComputedSource, DimensionWeights, EvaluationDimension, EvaluationRespondent, ScaleStep } from '../../../shared/evaluation';
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
