import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { settings } from './settings.table';

export type SettingRow = typeof settings.$inferSelect;

export function selectSettingRows(db: Db): Promise<SettingRow[]> {
  return db.select().from(settings);
}

// Locked so that two admins saving at once cannot both pass the version check.
export function selectSettingRowsForUpdate(db: Db): Promise<SettingRow[]> {
  return db.select().from(settings).for('update');
}

// Updates the row, or adds it if the key has gone missing.
export async function writeSetting(db: Db, row: { key: string; value: unknown; version: number; updatedAt: Date }): Promise<void> {
  const { key, ...values } = row;
  const updated = await db.update(settings).set(values).where(eq(settings.key, key)).returning({ key: settings.key });
  if (updated.length === 0) await db.insert(settings).values(row);
}
