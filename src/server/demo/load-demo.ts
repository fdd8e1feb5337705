import type { Database, Db } from '../db/client';
import type { Env } from '../env';
import { seedDefaultUnits } from '../bootstrap';
import type { ActorCtx } from '../lib/context';
import { AppError } from '../lib/errors';
import type { FileStore } from '../lib/file-store';
import type { MailSettings } from '../modules/mail/mail.service';
import { toCsv } from '../lib/sheet-files';
import { endAgreement, findAgreementIdsByNumber, getAgreement, isRegistryEmpty } from '../modules/agreements/agreements.service';
import { importFile } from '../modules/imports/imports.service';
import { loadDemoDissemination } from './demo-dissemination';
import { loadDemoImpact } from './demo-impact';
import { loadDemoMonitoring } from './demo-monitoring';
import { loadDemoProposals } from './demo-proposals';
import { attachDemoDocuments } from './demo-documents';
import { demoEntries, demoSheetRows, type DemoEntry } from './demo-rows';
import { createDemoUsers, findAdminActor } from './demo-users';

// The demo data set for Kota Ternate: 2020–2022 reproduce the figures of the article exactly
// (8 / 27 / 17 agreements; largest partner group and sector per year), 2023–2026 fill today's registry.

export type DemoResult = { agreements: number; documents: number; proposals: number; userEmails: string[]; generatedPassword: string | null };


async function idsByNumber(db: Db, entries: DemoEntry[]): Promise<Map<string, string>> {
  return findAgreementIdsByNumber(db, entries.map((entry) => entry.numberOurs));
}

// PP 28/2018 Ps 22: an agreement may end before its term when the parties agree.
async function endEarly(ctx: ActorCtx, entries: DemoEntry[], ids: Map<string, string>) {
  for (const entry of entries) {
    const id = ids.get(entry.numberOurs);
    if (!entry.endedEarly || !id) continue;
    const { version } = await getAgreement(ctx, id);
    const { on, reason, note } = entry.endedEarly;
    await endAgreement(ctx, { id, kind: 'diakhiri', endedOn: on, reason, note, version });
  }
}

async function importDemoRegister(ctx: ActorCtx, entries: DemoEntry[]): Promise<number> {
  const bytes = toCsv(demoSheetRows(entries));
  const result = await importFile(ctx, { fileName: 'register-kerja-sama-kota-ternate-demo.csv', bytes, dryRun: false });
  if (result.run?.status !== 'done') {
    const issues = [...result.preview.issues, ...(result.run?.issues ?? [])].map((issue) => `row ${issue.row} ${issue.column}: ${issue.message}`);
    throw new Error(`the demo register did not import: ${issues.join('; ')}`);
  }
  return result.run.createdCount;
}

// Mail about the demo stays in the outbox; it is never sent.
const HELD_MAIL: MailSettings = { smtpUrl: null, from: 'jalin@localhost', publicUrl: 'http://localhost:3000' };

// Loads the demo into an empty registry; refuses when any agreement exists (never loads twice).
export async function loadDemo(options: { database: Database; files: FileStore; now: Date; withUsers: boolean; password?: string | undefined }): Promise<DemoResult> {
  const { db } = options.database;
  await seedDefaultUnits(db, options.now);
  if (!(await isRegistryEmpty(db))) {
    throw new AppError({ code: 'CONFLICT', message: 'Register sudah berisi naskah; data demo hanya dimuat ke register kosong.', messageEn: 'The registry already holds agreements; the demo loads only into an empty registry.' });
  }
  const actor = await findAdminActor(db);
  if (!actor) throw new AppError({ code: 'CONFLICT', message: 'Belum ada akun admin aktif.', messageEn: 'There is no active admin account yet.' });
  // The demo's one ctx: the first admin acting, the caller's clock, mail held, the given file store.
  const ctx: ActorCtx = { db, actor, now: options.now, mail: HELD_MAIL, files: options.files };
  const entries = demoEntries();
  const created = await importDemoRegister(ctx, entries);
  const ids = await idsByNumber(db, entries);
  const documents = await attachDemoDocuments(ctx, { entries, idByNumber: ids });
  await endEarly(ctx, entries, ids);
  await loadDemoDissemination(ctx, { entries, ids });
  const users = options.withUsers ? await createDemoUsers(ctx, { password: options.password }) : { emails: [], generatedPassword: null };
  // After the accounts: the OPD and the TKKSD answer their evaluations as themselves.
  await loadDemoMonitoring(ctx, { entries, ids });
  await loadDemoImpact(ctx, { entries, ids });
  const proposals = await loadDemoProposals(ctx);
  return { agreements: created, proposals, documents, userEmails: users.emails, generatedPassword: users.generatedPassword };
}

export function describeDemo(result: DemoResult, passwordFromEnv: boolean): string {
  const lines = [`Data demo dimuat / demo data loaded: ${result.agreements} naskah, ${result.documents} dokumen, ${result.proposals} usulan.`];
  if (result.userEmails.length > 0) {
    lines.push('Akun demo (hanya untuk demo) / demo accounts (demo only):', ...result.userEmails.map((email) => `  ${email}`));
    lines.push(passwordFromEnv ? '  password: JALIN_DEMO_PASSWORD' : `  password: ${result.generatedPassword ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

// Loads the demo data set into a freshly created database unless JALIN_DEMO=0. The demo is a
// convenience: if it cannot load, Jalin still starts, and says why.
export async function loadDemoIfWanted(options: { database: Database; env: Env; files: FileStore; firstStart: boolean }): Promise<void> {
  if (!options.firstStart || !options.env.JALIN_DEMO) return;
  if (!(await isRegistryEmpty(options.database.db))) return;
  try {
    const password = options.env.JALIN_DEMO_PASSWORD;
    const result = await loadDemo({ database: options.database, files: options.files, now: new Date(), withUsers: true, password });
    // Printed once, to the terminal only, like the admin's generated password.
    process.stdout.write(`\n${describeDemo(result, Boolean(password))}\n`);
  } catch (error) {
    process.stderr.write(`Data demo tidak dimuat / demo data not loaded: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
