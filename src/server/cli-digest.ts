import { CliFailure, type CliRuntime } from './cli-runtime';
import { isMonth } from './modules/digest/digest.rules';
import { digestMail, runMonthlyDigest, sendDigestFor, type DigestRun } from './modules/digest/digest.service';

// `npm run jalin -- digest [--month YYYY-MM] [--dry-run]`: the pimpinan's monthly digest. Without
// --month it does what the hourly check does (the month that is due, once); with it, that month now.
// --dry-run prints the mail and its recipients and sends nothing.

const REASONS = {
  disabled: 'ringkasan bulanan dimatikan di Pengaturan / the monthly digest is switched off in Settings',
  before_baseline: 'belum ada bulan yang jatuh tempo sejak Jalin mulai memeriksa / no month due since Jalin started checking',
  already_sent: 'ringkasan bulan ini sudah dikirim / this month was already sent',
} as const;

function describe(run: DigestRun, dryRun: boolean): string[] {
  const { decision } = run;
  if (decision.action === 'baseline') {
    return [`Pemeriksaan pertama: ${decision.month} dicatat sebagai awal; ringkasan pertama untuk bulan sesudahnya / first check: ${decision.month} recorded as the starting point${dryRun ? ' (uji coba, tidak dicatat / dry run, not recorded)' : ''}.`];
  }
  if (decision.action === 'none' && !run.content) return [`Tidak ada yang dikirim / nothing sent: ${REASONS[decision.reason]}.`];
  const lines: string[] = [];
  if (decision.action === 'none') lines.push(`Tidak dikirim / not sent: ${REASONS[decision.reason]}.`);
  if (run.content) {
    const mail = digestMail(run.content);
    const to = run.recipients.map((person) => `${person.name} <${person.email}>`).join(', ') || '(tidak ada pimpinan aktif / no active pimpinan)';
    lines.push(`Kepada / to: ${to}`, `Subjek / subject: ${mail.subject}`, '', mail.text, '');
  }
  if (decision.action === 'send') {
    lines.push(dryRun ? 'Uji coba: tidak ada yang dikirim / dry run: nothing sent.' : `Terkirim / sent: ${String(run.mails)} surel / e-mails.`);
  }
  return lines;
}

export async function digestCommand(rt: CliRuntime, options: { month?: string; dryRun?: boolean }): Promise<void> {
  if (options.month !== undefined && !isMonth(options.month)) {
    throw new CliFailure(`--month: "${options.month}" tidak valid, tulis YYYY-MM / not a valid month, write YYYY-MM`);
  }
  const dryRun = options.dryRun ?? false;
  const { month } = options;
  const run = await rt.withCtx((ctx) => (month ? sendDigestFor(ctx, { month, dryRun }) : runMonthlyDigest(ctx, { dryRun })));
  rt.out(describe(run, dryRun).join('\n'));
}
