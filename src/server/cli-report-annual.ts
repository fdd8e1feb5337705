import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { REPORT_FORMATS, type ReportFormat } from './lib/report-document/report-document';
import { CliFailure, resolvePath, type CliRuntime } from './cli-runtime';
import { exportStatutoryReport } from './modules/annual-report/annual-report.service';

// `npm run jalin -- report annual --year 2025 --format xlsx|pdf|docx [--out FILE]`: the annual report
// on the implementation of cooperation (Permendagri 25/2020 Ps 35–37) for a year, as stored once
// final, else built now from the register.

type AnnualOptions = { year: string; format: ReportFormat; out?: string };

async function reportAnnualCommand(rt: CliRuntime, options: AnnualOptions) {
  if (!/^\d{4}$/.test(options.year) || Number(options.year) < 2000 || Number(options.year) > 2200) throw new CliFailure('--year: tahun empat angka, 2000–2200 / a four-digit year');
  const year = Number(options.year);
  const file = await rt.withCtx((ctx) =>
    exportStatutoryReport(ctx, {
      kind: 'annual',
      year,
      format: options.format,
    }),
  );
  const out = resolvePath(rt, options.out ?? file.fileName);
  await writeFile(out, file.body);
  rt.out(`Laporan tahunan ${year} ditulis / annual report written: ${out}`);
}

export function addReportAnnualCommand(report: Command, rt: CliRuntime): void {
  report
    .command('annual')
    .description('laporan tahunan pelaksanaan kerja sama / the annual report on the implementation of cooperation')
    .requiredOption('--year <year>')
    .addOption(new Option('--format <format>').choices(REPORT_FORMATS).makeOptionMandatory())
    .option('--out <file>', 'berkas tujuan / the file to write')
    .action((options: AnnualOptions) => reportAnnualCommand(rt, options));
}
