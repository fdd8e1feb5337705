import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { COOPERATION_KINDS } from '../../../shared/agreement-codes';
import type { ProcedureDocType } from '../../../shared/procedures';

// The procedure of PP 28/2018 Ps 6 and Permendagri 22/2020 kept as data, one per cooperation kind,
// so that the division can follow a changed regulation or practice without a new release.
export const procedures = pgTable('procedures', {
  kind: text('kind', { enum: COOPERATION_KINDS }).primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const procedureStages = pgTable(
  'procedure_stages',
  {
    kind: text('kind', { enum: COOPERATION_KINDS })
      .notNull()
      .references(() => procedures.kind, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    requiredDocsOpd: text('required_docs_opd').array().$type<ProcedureDocType[]>().notNull().default(sql`'{}'::text[]`),
    requiredDocsExternal: text('required_docs_external').array().$type<ProcedureDocType[]>().notNull().default(sql`'{}'::text[]`),
    targetDays: integer('target_days').notNull(),
    isDprdApproval: boolean('is_dprd_approval').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.kind, table.position] }),
    uniqueIndex('procedure_stages_kind_code_key').on(table.kind, table.code),
    check('procedure_stages_target_days_range', sql`${table.targetDays} >= 0`),
  ],
);
