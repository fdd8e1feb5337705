import { eq, inArray, sql } from 'drizzle-orm';
import type { AgreementHealth } from '../../../shared/agreement-health';
import { arrayParam, recordSource, selectRows } from '../../db/bulk-sql';
import type { Db } from '../../db/client';
import { agreementHealth, agreementHealthRefresh } from './agreement-health.table';

// The stored health (decision record 0016): its rows, its freshness and the lock of its refresh.

// The advisory lock class Jalin's locks share (backup.repository); 2 is the health refresh.
const LOCK_CLASS = 0x4a4c;
const LOCK_HEALTH_REFRESH = 2;

export type Freshness = { changes: number; refreshed: number | null; asOf: string | null };

export async function selectFreshness(db: Db): Promise<Freshness> {
  const [row] = await selectRows<{ changes: string | number; refreshed: string | number | null; as_of: string | null }>(
    db,
    sql`SELECT c.generation AS changes, r.generation AS refreshed, r.as_of::text AS as_of
      FROM agreement_health_changes c LEFT JOIN agreement_health_refresh r ON r.id = 1 WHERE c.id = 1`,
  );
  return { changes: Number(row?.changes ?? 0), refreshed: row?.refreshed == null ? null : Number(row.refreshed), asOf: row?.as_of ?? null };
}

// Held until the transaction ends: one refresh at a time, across processes on one PostgreSQL.
export async function lockRefresh(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_CLASS}, ${LOCK_HEALTH_REFRESH})`);
}

const COLUMNS = [
  ['agreement_id', 'uuid'],
  ['status', 'text'],
  ['reasons', 'text[]'],
  ['last_band', 'text'],
] as const;

export type Dirty = { isAll: boolean; agreementIds: string[] };

// Takes the agreements marked since the last refresh (migration 0046): the rows this statement
// sees are removed and answered; a mark committed after it stays for the next refresh.
export async function takeDirty(tx: Db): Promise<Dirty> {
  const rows = await selectRows<{ agreement_id: string | null }>(tx, sql`DELETE FROM agreement_health_dirty RETURNING agreement_id`);
  const ids = new Set<string>();
  let isAll = false;
  for (const row of rows) {
    if (row.agreement_id === null) isAll = true;
    else ids.add(row.agreement_id);
  }
  return { isAll, agreementIds: [...ids] };
}

// What deriving the health of `agreementIds` needs: the agreements themselves and the parent each
// names (a KB or NK lives through the PKS under it) are the ones to store; the PKS under any of
// those are read as well, so that the parent's health sees all of them.
export async function healthNeighbourhood(db: Db, agreementIds: string[]): Promise<{ stored: string[]; read: string[] }> {
  const rows = await selectRows<{ id: string; is_stored: boolean }>(
    db,
    sql`WITH marked AS (SELECT unnest(${arrayParam(agreementIds, 'uuid')}) AS id),
      stored AS (SELECT id FROM marked UNION SELECT a.parent_id FROM agreements a JOIN marked m ON m.id = a.id WHERE a.parent_id IS NOT NULL)
      SELECT id, true AS is_stored FROM stored
      UNION ALL SELECT a.id, false FROM agreements a JOIN stored s ON a.parent_id = s.id WHERE a.id NOT IN (SELECT id FROM stored)`,
  );
  return { stored: rows.filter((row) => row.is_stored).map((row) => row.id), read: rows.map((row) => row.id) };
}

// The stored rows become `health`, touching only the rows that differ: an unchanged register moves
// no revision, so the register's kept counts stay. `within`: only these agreements' rows are
// replaced (a refresh of the marked ones); without it, the whole table.
export async function replaceHealth(tx: Db, health: ReadonlyMap<string, AgreementHealth>, within?: string[]): Promise<void> {
  const rows = [...health].map(([id, value]) => [id, value.status, value.reasons, value.lastBand] as const);
  const scope = within ? sql`AND h.agreement_id = ANY(${arrayParam(within, 'uuid')})` : sql``;
  await tx.execute(sql`WITH v AS (SELECT * FROM ${recordSource(COLUMNS, rows)}),
    gone AS (DELETE FROM agreement_health h WHERE NOT EXISTS (SELECT 1 FROM v WHERE v.agreement_id = h.agreement_id) ${scope})
    INSERT INTO agreement_health (agreement_id, status, reasons, last_band) SELECT agreement_id, status, reasons, last_band FROM v
    ON CONFLICT (agreement_id) DO UPDATE SET status = excluded.status, reasons = excluded.reasons, last_band = excluded.last_band
      WHERE (agreement_health.status, agreement_health.reasons, agreement_health.last_band)
        IS DISTINCT FROM (excluded.status, excluded.reasons, excluded.last_band)`);
}

export async function upsertRefreshed(tx: Db, values: { generation: number; asOf: string; now: Date }): Promise<void> {
  await tx
    .insert(agreementHealthRefresh)
    .values({ id: 1, ...values, refreshedAt: values.now })
    .onConflictDoUpdate({ target: agreementHealthRefresh.id, set: { generation: values.generation, asOf: values.asOf, refreshedAt: values.now } });
}

export function selectHealthOf(db: Db, agreementIds: string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db.select().from(agreementHealth).where(inArray(agreementHealth.agreementId, agreementIds));
}

export function selectHealthRow(db: Db, agreementId: string) {
  return db.select().from(agreementHealth).where(eq(agreementHealth.agreementId, agreementId));
}
