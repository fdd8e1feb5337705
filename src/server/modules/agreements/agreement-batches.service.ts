import type { Ctx } from '../../lib/context';
import { staleVersion } from '../../lib/errors';
import * as repo from './agreement-batches.repository';
import { refreshAgreementSearch, refreshAgreementSearchRows } from './agreements.repository';

export type AgreementBatchRow = repo.AgreementBatchRow;

// The import's writes (imports module), a batch at a time inside its transaction. The import has
// checked every row against the registry's rules (the same shared schema and rules as the form) and
// audits what it wrote.

export async function insertAgreementBatch(ctx: Ctx, rows: AgreementBatchRow[]): Promise<void> {
  await repo.insertAgreementRows(ctx.db, { rows, createdBy: ctx.actor?.id ?? null, now: ctx.now });
  await repo.insertLinks(ctx.db, rows);
  await repo.noteImportedWithoutParent(ctx.db, rows.map((row) => row.id));
  // The rows carry their search vectors already (insertAgreementRows); the search rows copy them.
  await refreshAgreementSearchRows(ctx.db, rows.map((row) => row.id));
}

// An edit saved through the API since the import's preview makes the whole import stop (409).
export async function updateAgreementBatch(ctx: Ctx, rows: (AgreementBatchRow & { version: number })[]): Promise<void> {
  if ((await repo.updateAgreementRows(ctx.db, { rows, now: ctx.now })) !== rows.length) throw staleVersion();
  const ids = rows.map((row) => row.id);
  await repo.deleteLinks(ctx.db, ids);
  await repo.insertLinks(ctx.db, rows);
  await repo.noteImportedWithoutParent(ctx.db, ids);
  await refreshAgreementSearch(ctx.db, ids);
}
