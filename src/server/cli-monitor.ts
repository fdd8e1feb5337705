import { isoDate } from '../shared/input';
import type { DormantReason, MonitorReport } from '../shared/monitoring';
import { CliFailure, type CliRuntime } from './cli-runtime';
import { monitorAsOf } from './modules/monitoring/monitoring.service';

// `npm run jalin -- monitor [--on YYYY-MM-DD] [--json]`: the register's health as of a date, for
// schedulers and checks. With --json stdout carries exactly the MonitorReport (issue 11's contract).

const REASONS: Record<DormantReason, string> = {
  no_plan: 'tanpa rencana kegiatan tahun anggaran ini atau sebelumnya',
  no_verified_report: 'tanpa realisasi terverifikasi',
  not_disseminated: 'belum didiseminasikan',
};

function daysLeftText(days: number): string {
  return days === 0 ? 'hari ini' : `${days} hari lagi`;
}

export function monitorSummary(report: MonitorReport): string {
  const number = (value: string | null) => value ?? '(tanpa nomor)';
  const lines = [`Pemantauan kerja sama per ${report.on}`, `Akan berakhir: ${report.expiring.length} naskah`];
  for (const row of report.expiring) lines.push(`  - ${number(row.nomorPemda)}: berakhir ${row.endsOn} (${daysLeftText(row.daysLeft)})`);
  lines.push(`Dorman: ${report.dormant.length} naskah`);
  for (const row of report.dormant) lines.push(`  - ${number(row.nomorPemda)}: ${row.reasons.map((reason) => REASONS[reason]).join('; ')}`);
  // Realisation reports per period are not kept yet, so none can be late.
  lines.push(`Laporan realisasi terlambat: ${report.reportsOverdue} (pelaporan per periode belum tersedia)`);
  return lines.join('\n');
}

export async function monitorCommand(rt: CliRuntime, options: { on?: string; json?: boolean }): Promise<void> {
  // Checked before the database is opened: a typo should not wait for a migration.
  if (options.on !== undefined && !isoDate.safeParse(options.on).success) {
    throw new CliFailure(`--on: tanggal "${options.on}" tidak valid, tulis YYYY-MM-DD / not a valid date, write YYYY-MM-DD`);
  }
  const report = await rt.withDatabase((database) => monitorAsOf({ db: database.db, now: new Date() }, { on: options.on }));
  rt.out(options.json ? JSON.stringify(report) : monitorSummary(report));
}
