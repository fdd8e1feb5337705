import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../users/users.table';
import { proposalDocuments, proposals } from '../core/proposals.table';

// A thread per document version: staff and the outside initiator talk about one file.
export const proposalDocumentComments = pgTable(
  'proposal_document_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => proposalDocuments.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorKind: text('author_kind', { enum: ['admin', 'tkksd', 'opd', 'pimpinan', 'initiator'] }).notNull(),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('proposal_document_comments_document_idx').on(table.documentId, table.createdAt)],
);
