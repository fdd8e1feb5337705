// Whether a write failed on this unique constraint: two saves racing past the same look-up both
// pass it, and the database's key refuses the second. Drivers differ in where they put the error
// (node-postgres on the error, Drizzle's wrapper on its cause).
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const seen = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } } | null;
  const pgError = seen?.cause ?? seen;
  return pgError?.code === '23505' && pgError.constraint === constraint;
}

// Whether the database chose this transaction to break a wait in a circle (deadlock_detected): the
// whole transaction may simply be run again.
export function isDeadlock(error: unknown): boolean {
  const seen = error as { code?: string; cause?: { code?: string } } | null;
  return (seen?.cause ?? seen)?.code === '40P01';
}
