import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ROLES, type Role } from '../shared/roles';
import { StatsQuerySchema, type StatsResponse } from '../shared/stats';
import { unitKey } from '../shared/unit-name';
import { CreateUserSchema } from '../shared/users';
import { bootstrapDatabase, seedDefaultUnits } from './bootstrap';
import { digestCommand } from './cli-digest';
import { importFailed, importReport } from './cli-import-report';
import { extractCommand, intakeCommand } from './cli-intake';
import { monitorCommand } from './cli-monitor';
import { addReportAnnualCommand } from './cli-report-annual';
import { registerReportImpact } from './cli-report-impact';
import { CliFailure, resolvePath, type CliRuntime } from './cli-runtime';
import { addStorageCopyCommand } from './cli-storage';
import type { Ctx } from './lib/context';
import { describeDemo, loadDemo } from './demo/load-demo';
import { AppError } from './lib/errors';
import { isRegistryEmpty, listNumberDuplicates } from './modules/agreements/agreements.service';
import { restoreBackup } from './modules/backup/backup-restore.service';
import { createBackup } from './modules/backup/backup.service';
import { runDisseminationReminders } from './modules/dissemination/dissemination-reminders.service';
import { runReportReminders } from './modules/realisation/report-reminders.service';
import { runExpiryAlerts } from './modules/renewal/expiry-alerts.service';
import { getMasterData } from './modules/master/master.service';
import { importFile } from './modules/imports/imports.service';
import { getStats } from './modules/stats/stats.service';
import { insertUser } from './modules/users/users.service';
import { embeddedLimitOf } from './modules/agreements/register-size.service';
import { addDatabaseCopyCommand } from './cli-database-copy';
import { resetTotpByEmail } from './modules/users/users-totp.service';

// The commands of `npm run jalin -- <command>`: the same services as the web app, against DATABASE_URL or the
// embedded database in JALIN_DATA_DIR. With --json, stdout carries only JSON; everything else goes to stderr.
// Each command gets a CliRuntime (cli-runtime.ts): its output, its working directory and the database.
// While a server owns the PGlite directory, the whole command runs inside that server (cli-socket.ts).

async function importCommand(rt: CliRuntime, file: string, options: { dryRun?: boolean; json?: boolean }) {
  const bytes = await readFile(resolvePath(rt, file)).catch(() => {
    throw new CliFailure(`Berkas tidak dapat dibaca / cannot read file: ${file}`);
  });
  const dryRun = Boolean(options.dryRun);
  const result = await rt.withCtx(async (ctx, database, env) => {
    if (!dryRun) await seedDefaultUnits(ctx.db, ctx.now);
    const onProgress = async (done: number, total: number) => {
      rt.err(`… ${done}/${total}`);
    };
    return importFile(ctx, { fileName: path.basename(file), bytes, dryRun, onProgress, embeddedLimit: embeddedLimitOf(database, env) });
  });
  if (options.json) rt.out(JSON.stringify(result));
  else rt.out(importReport(result, { dryRun }).join('\n'));
  if (importFailed(result)) {
    throw new CliFailure(`Impor dibatalkan: ${result.preview.issues.length + (result.run?.issues.length ?? 0)} kesalahan; tidak ada yang ditulis / import refused, nothing written.`);
  }
}

function statsTable(stats: StatsResponse): string {
  const largest = (codes: string[], counts: Record<string, number>) => (codes.length === 0 ? '-' : `${codes.join(', ')} (${counts[codes[0] ?? ''] ?? 0})`);
  const rows = stats.years.map(
    (year) => `${year.year}  ${String(year.total).padStart(4)}   ${largest(year.largestPartnerGroup, year.byPartnerGroup).padEnd(28)} ${largest(year.largestSector, year.bySector)}`,
  );
  return ['Tahun  Jumlah Kelompok mitra terbesar       Bidang terbesar', ...rows].join('\n');
}

async function statsCommand(rt: CliRuntime, options: { from?: string; to?: string; json?: boolean }) {
  const parsed = StatsQuerySchema.safeParse({ from: options.from, to: options.to });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliFailure(`--${issue?.path.join('.') ?? 'from'}: ${issue?.message ?? 'tidak valid'}`);
  }
  const stats = await rt.withCtx((ctx) => getStats(ctx, parsed.data));
  rt.out(options.json ? JSON.stringify(stats) : statsTable(stats));
}

async function findUnitId(ctx: Ctx, name: string | undefined): Promise<string | null> {
  if (!name) return null;
  const { units } = await getMasterData(ctx);
  const unit = units.find((candidate) => unitKey(candidate.name) === unitKey(name) || (candidate.shortName && unitKey(candidate.shortName) === unitKey(name)));
  if (!unit) throw new CliFailure(`--unit: OPD "${name}" tidak ditemukan / unit not found`);
  return unit.id;
}

async function createUserCommand(rt: CliRuntime, options: { email: string; name: string; role: Role; unit?: string; password?: string }) {
  const generated = options.password ? null : randomBytes(12).toString('base64url');
  const user = await rt.withCtx(async (ctx) => {
    await seedDefaultUnits(ctx.db, ctx.now);
    const unitId = await findUnitId(ctx, options.unit);
    const parsed = CreateUserSchema.safeParse({ email: options.email, name: options.name, role: options.role, unitId, password: options.password ?? generated });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliFailure(`--${issue?.path.join('.') ?? 'email'}: ${issue?.message ?? 'tidak valid'}`);
    }
    return insertUser(ctx, parsed.data);
  });
  rt.out(`Pengguna dibuat / user created: ${user.email} (${user.role})`);
  // Printed once; it is stored only as a hash.
  if (generated) rt.out(`  password: ${generated}`);
}

async function demoCommand(rt: CliRuntime) {
  await rt.withCtx(async (ctx, database, env) => {
    const boot = await bootstrapDatabase(ctx, env);
    if (boot.generatedPassword) rt.out(`Akun admin dibuat / admin account created: ${env.JALIN_ADMIN_EMAIL}\n  password: ${boot.generatedPassword}`);
    if (!(await isRegistryEmpty(ctx.db))) {
      throw new CliFailure('Register sudah berisi naskah; data demo hanya dimuat ke register kosong / the registry is not empty.');
    }
    const result = await loadDemo({ database, files: ctx.files, now: ctx.now, withUsers: true, password: env.JALIN_DEMO_PASSWORD });
    rt.out(describeDemo(result, Boolean(env.JALIN_DEMO_PASSWORD)));
  });
}

async function backupCommand(rt: CliRuntime, options: { out: string }) {
  const out = resolvePath(rt, options.out);
  const backup = await rt.withDatabase((database, env) => createBackup({ database, files: rt.files, env, now: new Date() }, { out }));
  const files = backup.manifest.entries.length - 1;
  rt.out(`Cadangan dibuat / backup written: ${backup.file} (${backup.manifest.database.kind}, ${files} berkas / files, ${backup.bytes} bytes).`);
}

// Never through a running server: it fills an empty target, which no server may own, and it
// opens no database itself (opening one would create and migrate it, and the target would no
// longer be empty).
async function restoreCommand(rt: CliRuntime, file: string) {
  const restored = await rt.withDataDirAlone((_dataDir, env) => restoreBackup({ env, files: rt.files, now: new Date() }, { file: resolvePath(rt, file) }));
  rt.out(`Dipulihkan / restored: ${restored.kind}, ${restored.files} berkas / files, cadangan dari / backup of ${restored.createdAt} (Jalin ${restored.jalinVersion}).`);
}

async function duplicatesCommand(rt: CliRuntime, options: { json?: boolean }) {
  const groups = await rt.withCtx((ctx) => listNumberDuplicates(ctx));
  if (options.json) {
    rt.out(JSON.stringify(groups));
    return;
  }
  if (groups.length === 0) {
    rt.out('Tidak ada nomor naskah ganda / no duplicate agreement numbers.');
    return;
  }
  rt.out(`${groups.length} nomor naskah dipakai lebih dari satu naskah; ubah nomor semua kecuali satu / ${groups.length} numbers name more than one agreement; renumber all but one:`);
  for (const group of groups) {
    rt.out(`- ${group.key}`);
    for (const agreement of group.agreements) rt.out(`    ${agreement.numberOurs}  ${agreement.id}  ${agreement.title}`);
  }
}

function buildProgram(rt: CliRuntime): Command {
  const program = new Command('jalin').description('Jalin — perintah administrasi / administration commands').exitOverride();
  program.configureOutput({ writeOut: rt.out, writeErr: rt.err, outputError: (text, write) => write(text.trim()) });
  program
    .command('import')
    .description('impor register dari CSV/XLSX / import a register file')
    .argument('<file>')
    .option('--dry-run', 'periksa saja, tanpa menulis / check only')
    .option('--json', 'hanya JSON di stdout / only JSON on stdout (via npm: npm run -s jalin -- …)')
    .action((file: string, options: { dryRun?: boolean; json?: boolean }) => importCommand(rt, file, options));
  program
    .command('intake')
    .description('baca pindaian naskah dari folder dan cocokkan dengan register / read a folder of scans and match them to the register')
    .argument('<dir>')
    .option('--dry-run', 'baca dan cocokkan saja, tanpa menulis / read and match only')
    .option('--json', 'hanya JSON di stdout / only JSON on stdout (via npm: npm run -s jalin -- …)')
    .action((dir: string, options: { dryRun?: boolean; json?: boolean }) => intakeCommand(rt, dir, options));
  program
    .command('extract')
    .description('usulkan isian naskah dari PDF / propose agreement fields from a PDF')
    .argument('<file>')
    .option('--json', 'hanya JSON di stdout / only JSON on stdout')
    .action((file: string, options: { json?: boolean }) => extractCommand(rt, file, options));
  program
    .command('stats')
    .description('statistik kerja sama per tahun / statistics per year')
    .option('--from <year>')
    .option('--to <year>')
    .option('--json', 'hanya JSON di stdout / only JSON on stdout (via npm: npm run -s jalin -- …)')
    .action((options: { from?: string; to?: string; json?: boolean }) => statsCommand(rt, options));
  program
    .command('create-user')
    .description('buat pengguna / create a user')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .addOption(new Option('--role <role>').choices(ROLES).makeOptionMandatory())
    .option('--unit <name>', 'OPD (wajib untuk peran opd) / unit, required for role opd')
    .option('--password <password>', 'tanpa ini dibuatkan dan dicetak sekali / generated and printed once if omitted')
    .action((options: { email: string; name: string; role: Role; unit?: string; password?: string }) => createUserCommand(rt, options));
  program
    .command('reset-2fa')
    .description('matikan verifikasi dua langkah sebuah akun (ponsel hilang) / turn two-step sign-in off for an account (lost phone)')
    .requiredOption('--email <email>')
    .action(async (options: { email: string }) => {
      const wasOn = await rt.withCtx((ctx) => resetTotpByEmail(ctx, options.email));
      rt.out(wasOn ? `Verifikasi dua langkah dimatikan / two-step sign-in turned off: ${options.email}` : `Verifikasi dua langkah memang tidak aktif / two-step sign-in was not on: ${options.email}`);
    });
  program
    .command('migrate')
    .description('terapkan migrasi basis data / apply database migrations')
    .action(async () => {
      const kind = await rt.withDatabase(async (database) => database.kind);
      rt.out(`Migrasi selesai / migrations applied (${kind}).`);
    });
  program
    .command('reminders')
    .description('kirim pengingat diseminasi, peringatan naskah akan berakhir dan pengingat laporan realisasi yang jatuh tempo / send due dissemination reminders, expiry alerts and report reminders')
    .action(async () => {
      const run = await rt.withCtx((ctx) => runDisseminationReminders(ctx));
      rt.out(`Pengingat terkirim / reminders sent: ${run.reminders}; admin diberi tahu / admins told: ${run.escalations}.`);
      const alerts = await rt.withCtx((ctx) => runExpiryAlerts(ctx));
      rt.out(`Peringatan akan berakhir / expiry alerts: ${alerts.alerts} untuk / for ${alerts.people} orang / people (${alerts.mails} surel / e-mails).`);
      const reports = await rt.withCtx((ctx) => runReportReminders(ctx));
      rt.out(`Pengingat laporan realisasi / report reminders: ${reports.reminders} untuk / for ${reports.people} orang / people (${reports.mails} surel / e-mails).`);
    });
  program
    .command('digest')
    .description('ringkasan bulanan untuk pimpinan / the monthly digest to the leadership')
    .option('--month <month>', 'bulan YYYY-MM, bawaan bulan yang jatuh tempo / the month, by default the one due')
    .option('--dry-run', 'tampilkan saja, tanpa mengirim / print only, send nothing')
    .action((options: { month?: string; dryRun?: boolean }) => digestCommand(rt, options));
  program
    .command('monitor')
    .description('naskah akan berakhir dan naskah dorman per tanggal / agreements ending soon and dormant ones as of a date')
    .option('--on <date>', 'tanggal YYYY-MM-DD, bawaan hari ini / the date, today by default')
    .option('--json', 'hanya JSON di stdout / only JSON on stdout (via npm: npm run -s jalin -- …)')
    .action((options: { on?: string; json?: boolean }) => monitorCommand(rt, options));
  // Reports as files: `report impact …` (the impact study) and `report annual …` (the statutory report).
  const report = program.command('report').description('laporan sebagai berkas / reports as files');
  registerReportImpact(report, rt);
  addReportAnnualCommand(report, rt);
  program.command('demo').description('muat data demo ke register kosong / load the demo into an empty registry').action(() => demoCommand(rt));
  program
    .command('backup')
    .description('cadangkan basis data dan berkas ke satu arsip / back up the database and the files into one archive')
    .requiredOption('--out <file>', 'berkas arsip baru (.tar) / the new archive file')
    .action((options: { out: string }) => backupCommand(rt, options));
  program
    .command('restore')
    .description('pulihkan arsip ke basis data dan penyimpanan kosong / restore an archive into an empty database and file store')
    .argument('<file>')
    .action((file: string) => restoreCommand(rt, file));
  addStorageCopyCommand(program, rt);
  addDatabaseCopyCommand(program, rt);
  program
    .command('duplicates')
    .description('nomor naskah yang sama bila dibandingkan tanpa huruf besar/kecil, spasi dan huruf serupa / agreement numbers that are the same once normalised')
    .option('--json', 'hanya JSON di stdout / only JSON on stdout')
    .action((options: { json?: boolean }) => duplicatesCommand(rt, options));
  return program;
}

export function failureMessage(error: unknown): string {
  if (error instanceof AppError) {
    const english = error.messageEn !== error.message ? ` / ${error.messageEn}` : '';
    return `${error.message}${english}${error.field ? ` (${error.field})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

// Runs one command line (without `node cli.ts`) and answers its exit code; output goes to the runtime.
export async function runCliCommand(argv: string[], rt: CliRuntime): Promise<number> {
  try {
    await buildProgram(rt).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    // Commander has already written its own message (or the help, which is a success).
    if (error instanceof CommanderError) return error.exitCode;
    rt.err(`jalin: ${failureMessage(error)}`);
    return 1;
  }
}
