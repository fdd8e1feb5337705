import { writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { StatsQuerySchema } from '../shared/stats';
import { CliFailure, resolvePath, type CliRuntime } from './cli-runtime';
import { REPORT_FORMATS, type ReportFormat } from './lib/report-document/report-document';
import { exportImpactStudy } from './modules/impact-study/impact-study-export.service';

// `npm run jalin -- report impact --from YYYY --to YYYY --format pdf|xlsx|docx [--out FILE]`: the
// impact study as the web page exports it (with the narrative the writer saved for that range, if
// any), run as the system on the server.

type ImpactOptions = { from: string; to: string; format: ReportFormat; out?: string };

async function reportImpactCommand(rt: CliRuntime, options: ImpactOptions): Promise<void> {
  const parsed = StatsQuerySchema.safeParse({ from: options.from, to: options.to });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliFailure(`--${issue?.path.join('.') ?? 'from'}: ${issue?.message ?? 'tidak valid'}`);
  }
  const file = await rt.withCtx((ctx) => exportImpactStudy(ctx, parsed.data, options.format));
  const out = resolvePath(rt, options.out ?? file.fileName);
  await writeFile(out, file.body).catch(() => {
    throw new CliFailure(`Berkas tidak dapat ditulis / cannot write file: ${out}`);
  });
  rt.out(`Kajian dampak ditulis / impact study written: ${out} (${String(file.body.length)} bytes).`);
}

export function registerReportImpact(report: Command, rt: CliRuntime): void {
  report
    .command('impact')
    .description('kajian dampak kerja sama untuk rentang tahun / the impact study for a range of years')
    .requiredOption('--from <year>')
    .requiredOption('--to <year>')
    .addOption(new Option('--format <format>').choices(REPORT_FORMATS).makeOptionMandatory())
    .option('--out <file>', 'berkas tujuan, bawaan kajian-dampak-FROM-TO.<format> / the file to write')
    .action((options: ImpactOptions) => reportImpactCommand(rt, options));
}
