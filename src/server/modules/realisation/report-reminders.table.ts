import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { activityPlans } from '../plans/plans.table';
import { users } from '../users/users.table';

// One row per (plan, period, stage, person) reminded about a missing realisation report: the run
// that inserts it is the one that sends it, so a reminder goes out once across restarts and across
// processes sharing one PostgreSQL. Stages: 'before_14', 'before_3' (days before the window closes)
// and 'overdue' (the window closed without a report).
export const reportReminders = pgTable(
  'report_reminders',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => activityPlans.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    stage: text('stage').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.planId, table.period, table.stage, table.userId] }), index('report_reminders_user_idx').on(table.userId, table.sentAt)],
);
