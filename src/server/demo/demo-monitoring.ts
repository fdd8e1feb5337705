import { crc32, deflateSync } from 'node:zlib';
import { periodOfDate, recentPeriods } from '../../shared/realisation';
import { addDays } from '../lib/calendar-days';
import { localDate, type Actor, type ActorCtx } from '../lib/context';
import { getAgreement } from '../modules/agreements/agreements.service';
import { seedEvaluationForm } from '../modules/evaluation/evaluation-form.service';
import { answerThroughLink } from '../modules/evaluation/evaluation-links-public.service';
import { sendPartnerLink } from '../modules/evaluation/evaluation-links.service';
import { finaliseEvaluation, openEvaluation, submitResponse } from '../modules/evaluation/evaluation.service';
import { listOutbox } from '../modules/mail/mail.service';
import { getMasterData } from '../modules/master/master.service';
import { recordOccurrence } from '../modules/monitoring/obligation-occurrences.service';
import { createObligation } from '../modules/monitoring/obligations.service';
import { createPlan } from '../modules/plans/plans.service';
import { addEvidence } from '../modules/realisation/realisation-evidence.service';
import { periodWindow } from '../modules/realisation/realisation.rules';
import { createReport, returnReport, submitReport, verifyReport } from '../modules/realisation/realisation.service';
import { recordRenewal } from '../modules/renewal/renewal.service';
import { findActiveRecipients } from '../modules/users/users.service';
import { DEFAULT_EVALUATION_FORM } from '../seed/default-evaluation-form';
import { renderPdf } from './demo-pdf';
import type { DemoEntry } from './demo-rows';

// Monitoring in the demo (issue 11 part 8), dated from the day it is loaded so that it stays true:
// this semester's reports of the bank agreement (one verified with a photo and a berita acara, one
// returned), a plan with no report, late city obligations (one recurring, partly met with evidence)
// and an unconfirmed partner one, an evaluation in the Cukup band, one in Kurang, one waiting for
// the OPD, and a renewal decision.

// A real PNG (a small green-and-white field): evidence is checked by its content.
function demoPng(): Buffer {
  const width = 64;
  const height = 48;
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) rows.set(y < height / 2 ? [46, 139, 87] : [250, 250, 250], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

type Respondent = 'opd' | 'tkksd' | 'admin' | 'partner';

// Every indicator the respondent answers, at one level (the OPD a little kinder to itself).
function answersOf(respondent: Respondent, score: number) {
  return DEFAULT_EVALUATION_FORM.indicators
    .filter((indicator) => indicator.respondents.includes(respondent))
    .map((indicator) => ({ code: indicator.code, score: Math.min(4, respondent === 'opd' ? score + 1 : score), note: null, ...(respondent === 'admin' && indicator.evidenceRequired ? { evidenceVerified: true } : {}) }));
}

// Any active account of the role (for an OPD: a liaison of that OPD), as an actor for the demo.
async function actorOfRole(ctx: ActorCtx, who: { role: 'tkksd' } | { role: 'opd'; unitId: string }): Promise<Actor | null> {
  const [user] = await findActiveRecipients(ctx.db, who.role === 'opd' ? { unitIds: [who.unitId] } : { roles: [who.role] });
  return user ? { id: user.id, email: user.email, name: user.name, role: user.role, unitId: user.unitId } : null;
}

// The partner answers as a partner would: from the link in the mail the division sent. Without an
// SMTP server the mail is held in the outbox with its text, which is where the demo reads it.
async function answerAsPartner(ctx: ActorCtx, input: { evaluationId: string; email: string; score: number }): Promise<void> {
  await sendPartnerLink(ctx, { evaluationId: input.evaluationId, email: input.email });
  const outbox = await listOutbox(ctx, { status: undefined, page: 1, pageSize: 100 });
  const token = outbox.items.find((mail) => mail.entityId === input.evaluationId)?.text?.match(/penilaian#([\w-]+)/)?.[1];
  if (!token) return;
  await answerThroughLink(ctx, { token, answers: answersOf('partner', input.score) });
}

async function evaluate(ctx: ActorCtx, input: { agreementId: string; period: string; score: number; respondents: Respondent[]; actors: Partial<Record<Respondent, Actor | null>>; finalise: boolean }): Promise<void> {
  const opened = await openEvaluation(ctx, { agreementId: input.agreementId, period: input.period });
  for (const respondent of input.respondents) {
    const actor = respondent === 'admin' ? ctx.actor : input.actors[respondent];
    if (!actor) continue;
    await submitResponse({ ...ctx, actor }, { evaluationId: opened.id, answers: answersOf(respondent, input.score) });
  }
  if (input.finalise) {
    // A new evaluation is at version 1; answers are rows of their own and leave it there.
    await finaliseEvaluation(ctx, { evaluationId: opened.id, version: 1 });
  }
}

export async function loadDemoMonitoring(ctx: ActorCtx, { entries, ids }: { entries: DemoEntry[]; ids: Map<string, string> }): Promise<void> {
  const today = localDate(ctx.now);
  const period = periodOfDate(today);
  const year = Number(today.slice(0, 4));
  const units = (await getMasterData(ctx)).units;
  const unit = (shortName: string) => units.find((row) => row.shortName === shortName)?.id ?? null;
  const numberOf = new Map(entries.map((entry) => [entry.key, entry.numberOurs]));
  const agreementOf = (key: string) => ids.get(numberOf.get(key) ?? '') ?? null;
  const bank = agreementOf('bankmalut-kb-2025');
  const market = agreementOf('bri-kb-2026');
  const college = agreementOf('ptdi-pks-2022');
  const diskop = unit('Diskop-UKM');
  if (!bank || !market || !college || !diskop) return;
  // The form is seeded at every start; a demo loaded on its own makes sure of it (a no-op otherwise).
  await seedEvaluationForm(ctx.db, { form: DEFAULT_EVALUATION_FORM, now: ctx.now });
  const opd = await actorOfRole(ctx, { role: 'opd', unitId: diskop });
  const tkksd = await actorOfRole(ctx, { role: 'tkksd' });

  // Realisation this semester: verified with evidence, returned with a reason, and one never written.
  const plan = (agreementId: string, title: string, budgetAmount: string) =>
    createPlan(ctx, { agreementId, unitId: diskop, title, budgetYear: year, budgetAmount, budgetSource: 'APBD', indicators: [{ name: 'UMKM terlayani', unit: 'unit usaha', target: 100 }], startMonth: `${String(year)}-01`, endMonth: `${String(year)}-12` });
  const literacy = await plan(bank, 'Pelatihan literasi keuangan dan akses kredit bagi UMKM', '45000000');
  const census = await plan(bank, 'Pendataan UMKM calon debitur kredit mikro', '30000000');
  await plan(market, 'Pendataan pedagang pasar calon penerima kredit', '60000000');
  const verified = await createReport(ctx, {
    planId: literacy.id,
    period,
    summary: 'Pelatihan literasi keuangan tiga angkatan di aula Dinas Koperasi dan UKM bersama Bank Maluku Malut.',
    startedOn: `${String(year)}-${period.endsWith('S1') ? '03' : '09'}-08`,
    endedOn: `${String(year)}-${period.endsWith('S1') ? '03' : '09'}-10`,
    location: 'Aula Dinas Koperasi dan UKM, Kota Ternate',
    outputs: '92 pelaku UMKM dilatih; 41 mengajukan kredit mikro.',
    beneficiaries: [{ group: 'umkm', count: 92, place: 'Kecamatan Ternate Tengah dan Ternate Selatan' }],
    funds: [{ source: 'APBD', realised: '41500000' }, { source: 'mitra', realised: '15000000' }],
    completion: 'completed',
    followUp: 'Angkatan berikutnya untuk pedagang pasar Bastiong.',
  });
  const photo = { fields: { kind: 'foto' }, file: { fileName: 'foto-pelatihan.png', bytes: demoPng() } };
  const minutes = await renderPdf({ title: 'Berita Acara Pelaksanaan Pelatihan Literasi Keuangan UMKM', blocks: [{ text: 'Pelatihan dilaksanakan tiga hari dan diikuti 92 pelaku UMKM.', style: 'body' }], createdAt: ctx.now });
  await addEvidence(ctx, { reportId: verified.id, upload: photo });
  await addEvidence(ctx, { reportId: verified.id, upload: { fields: { kind: 'berita_acara' }, file: { fileName: 'berita-acara-pelatihan.pdf', bytes: minutes } } });
  const sent = await submitReport(ctx, { reportId: verified.id, version: verified.version });
  await verifyReport(ctx, { reportId: verified.id, version: sent.version });
  const returned = await createReport(ctx, { planId: census.id, period, summary: 'Pendataan UMKM calon debitur di empat kecamatan.', beneficiaries: [], funds: [], completion: 'half_or_more' });
  const sentBack = await submitReport(ctx, { reportId: returned.id, version: returned.version });
  await returnReport(ctx, { reportId: returned.id, version: sentBack.version, reason: 'Daftar hadir dan rekap data calon debitur belum dilampirkan.' });

  // Obligations: the city's is late, the partner's waits for the lead OPD's confirmation.
  await createObligation(ctx, { agreementId: bank, party: 'city', unitId: diskop, clause: 'Pasal 5 ayat (1)', description: 'Menyampaikan daftar UMKM calon debitur yang direkomendasikan', kind: 'once', dueOn: addDays(today, -35), evidenceRequired: true });
  // A recurring one: the first two quarters met (the first with its berita acara), the third late.
  const quarterly = await createObligation(ctx, { agreementId: bank, party: 'city', unitId: diskop, clause: 'Pasal 5 ayat (3)', description: 'Menyampaikan rekap pendampingan UMKM debitur setiap triwulan', kind: 'recurring', dueOn: addDays(today, -200), everyMonths: 3, evidenceRequired: false });
  const [firstQuarter, secondQuarter] = quarterly.occurrences;
  const recap = await renderPdf({ title: 'Rekap Pendampingan UMKM Debitur', blocks: [{ text: 'Pendampingan 41 UMKM debitur pada triwulan pertama.', style: 'body' }], createdAt: ctx.now });
  await recordOccurrence(ctx, { obligationId: quarterly.id, upload: { fields: { dueOn: firstQuarter?.dueOn ?? '', status: 'met' }, file: { fileName: 'rekap-pendampingan.pdf', bytes: recap } } });
  await recordOccurrence(ctx, { obligationId: quarterly.id, upload: { fields: { dueOn: secondQuarter?.dueOn ?? '', status: 'met', note: 'Disampaikan dalam rapat koordinasi.' }, file: null } });
  await createObligation(ctx, { agreementId: bank, party: 'partner', clause: 'Pasal 6 ayat (2)', description: 'Menyalurkan kredit mikro tahap pertama kepada UMKM yang direkomendasikan', kind: 'once', dueOn: addDays(today, 20), evidenceRequired: false });

  // Evaluations: the bank agreement Cukup (its respondents answer "Sangat baik", but the computed
  // indicators count its late obligations and missing reports), the college's Kurang, the market traders' one answered
  // by the partner through its link and waiting for the OPD.
  await evaluate(ctx, { agreementId: bank, period, score: 4, respondents: ['opd', 'tkksd', 'admin'], actors: { opd, tkksd }, finalise: true });
  await evaluate(ctx, { agreementId: college, period, score: 2, respondents: ['tkksd', 'admin'], actors: { tkksd }, finalise: true });
  const waiting = await openEvaluation(ctx, { agreementId: market, period });
  await answerAsPartner(ctx, { evaluationId: waiting.id, email: 'kemitraan@bri.demo.jalin.local', score: 3 });

  // Efektif and Dorman beside them: the cadets' agreement planned, disseminated and answered well by
  // the TKKSD and the division; the Ternate–Weda sea route signed and left idle, answered so.
  const inForce = async (agreementId: string) => ['aktif', 'akan_berakhir'].includes((await getAgreement(ctx, agreementId)).status);
  const cadets = agreementOf('ptdi-pks-2025');
  const dikbud = unit('Dikbud');
  if (cadets && dikbud && (await inForce(cadets))) {
    // Planned for the last period, and reported for it on its last day, in time.
    const previous = recentPeriods(today, 2)[1] ?? period;
    const planYear = Number(previous.slice(0, 4));
    const visits = await createPlan(ctx, { agreementId: cadets, unitId: dikbud, title: 'Pendampingan taruna angkatan 2025 selama masa studi', budgetYear: planYear, budgetAmount: '25000000', budgetSource: 'APBD', indicators: [{ name: 'Kunjungan pendampingan', unit: 'kegiatan', target: 2 }], startMonth: `${String(planYear)}-01`, endMonth: `${String(planYear)}-12` });
    const then = { ...ctx, now: new Date(`${periodWindow(previous, 0).lastDay}T03:00:00Z`) };
    const visited = await createReport(then, { planId: visits.id, period: previous, summary: 'Dua kunjungan pendampingan taruna di kampus PTDI-STTD Bekasi.', beneficiaries: [], funds: [{ source: 'APBD', realised: '21000000' }], completion: 'completed' });
    await submitReport(then, { reportId: visited.id, version: visited.version });
    await evaluate(ctx, { agreementId: cadets, period, score: 4, respondents: ['tkksd', 'admin'], actors: { tkksd }, finalise: true });
  }
  const seaRoute = agreementOf('halteng-pks-2026');
  if (seaRoute && (await inForce(seaRoute))) await evaluate(ctx, { agreementId: seaRoute, period, score: 0, respondents: ['tkksd', 'admin'], actors: { tkksd }, finalise: true });

  // The college agreement ends within months: extended without the partner's evaluation, said why.
  const { version } = await getAgreement(ctx, college);
  await recordRenewal(ctx, { agreementId: college, decision: 'extend', reason: 'Pengiriman taruna dilanjutkan dengan PKS baru untuk angkatan berikutnya.', overrideReason: 'Mitra belum mengisi evaluasi; keputusan perlu sebelum seleksi taruna dibuka.', version });
}
