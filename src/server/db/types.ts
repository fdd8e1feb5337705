import { customType } from 'drizzle-orm/pg-core';

// Full-text vectors are written only by SQL (refresh functions in the migrations).
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

// A 64-bit transaction id (pg_current_xact_id()), compared with snapshots by the server only.
export const xid8 = customType<{ data: string }>({
  dataType() {
    return 'xid8';
  },
});
