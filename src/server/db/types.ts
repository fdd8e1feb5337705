import { customType } from 'drizzle-orm/pg-core';

// Full-text vectors are written only by SQL (refresh functions in the migrations).
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});
