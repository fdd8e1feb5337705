import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/test-db';
import type { Database } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { auditLog } from '../audit/audit.table';
import { INTERRUPTED_ISSUE, PROCESS_ID, recoverInterruptedImports } from './import-lease.service';
import { toCsv, type SheetRow } from '../../lib/sheet-files';
import { confirmImport, getImportRun, previewImport, runImport } from './imports.service';
import { importRuns } from './imports.table';
import { testCtx } from '../../../../tests/support/test-ctx';

// A confirmed import belongs to the process writing it while that process renews its lease; a run
// whose process died is interrupted and may be confirmed again, a run still being written is left alone.

let database: Database;
let ctx: Ctx;
let seq = 0;
const NOW = new Date('2026-06-15T03:00:00Z');

function row(): SheetRow {
  seq += 1;
  const p = `L${seq}-${Date.now().toString(36)}`;
  return { nomor_pemda: `${p}/KB`, judul: `Kesepakatan Bersama Uji Sewa ${p}`, jenis_dokumen: 'KB', jenis_kerja_sama: 'KSDPK', mitra: `PT Sewa ${p}`, kategori_mitra: 'swasta', bidang: 'umkm_koperasi', opd: `Dinas Uji ${p}`, tanggal_ttd: '2021-03-15' };
}

// A preview another process confirmed: running, owned by it, its lease ending at leaseEnds.
async function runOfAnotherProcess(leaseEnds: Date): Promise<string> {
  const preview = await previewImport(ctx, { fileName: 'lain.csv', bytes: toCsv([row()]) });
  await database.db.update(importRuns).set({ status: 'running', ownerId: 'proses-lain', leaseExpiresAt: leaseEnds }).where(eq(importRuns.id, preview.id));
  return preview.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = testCtx({ db: database.db, actor: null, now: NOW });
});

afterAll(async () => {
  await database.close();
});

describe('import runs owned through a lease', () => {
  it('confirms again, and writes, a run whose process stopped renewing its lease', async () => {
    const id = await runOfAnotherProcess(new Date(NOW.getTime() - 1000));
    expect(await getImportRun(ctx, { runId: id })).toMatchObject({ status: 'failed', issues: [INTERRUPTED_ISSUE] });
    const confirmed = await confirmImport(ctx, { runId: id });
    expect(confirmed).toMatchObject({ status: 'running', issues: [] });
    const [owned] = await database.db.select().from(importRuns).where(eq(importRuns.id, id));
    expect(owned).toMatchObject({ ownerId: PROCESS_ID, interruptedAt: null });
    expect(await runImport(ctx, { runId: id })).toMatchObject({ status: 'done', createdCount: 1 });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'import_interrupted')));
    expect(audit).toHaveLength(1);
  });

  it('leaves alone a run whose process still renews its lease', async () => {
    const id = await runOfAnotherProcess(new Date(NOW.getTime() + 30_000));
    await expect(confirmImport(ctx, { runId: id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await recoverInterruptedImports(ctx)).toBe(0);
    expect(await getImportRun(ctx, { runId: id })).toMatchObject({ status: 'running' });
  });

  it('at start-up on a directory held alone, interrupts every run of another process, lease or not', async () => {
    const id = await runOfAnotherProcess(new Date(NOW.getTime() + 30_000));
    expect(await recoverInterruptedImports(ctx, { soleProcess: true })).toBeGreaterThanOrEqual(1);
    expect(await getImportRun(ctx, { runId: id })).toMatchObject({ status: 'failed', issues: [INTERRUPTED_ISSUE] });
    expect(await confirmImport(ctx, { runId: id })).toMatchObject({ status: 'running' });
    expect(await runImport(ctx, { runId: id })).toMatchObject({ status: 'done' });
  });
});
