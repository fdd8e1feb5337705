import { z } from 'zod';
import { COOPERATION_KINDS } from '../../shared/agreement-codes';
import { OPPORTUNITY_TYPES } from '../../shared/dissemination';
import { agreementSlug } from '../../shared/slug';
import { SEARCH_TEXT_MAX_LENGTH } from '../../shared/search';
import { localDate, type Ctx } from '../lib/context';
import { readProcedureGuide } from '../modules/procedures/procedures.service';
import { computeStats } from '../modules/stats/stats.service';
import { CATALOG_PATH } from './open-data-catalog';
import { DATASETS } from './open-data-datasets';
import { findPortalAgreementBySlug, findPortalAgreements, PORTAL_PAGE_SIZE, portalRelativesOf, publicYears, type PortalFilters } from './portal-agreements';
import { loadPortalLabels } from './portal-labels';
import { renderPage } from './portal-render';
import { findPortalOpportunities, openOpportunityCount, publishedPackageOf, type OpportunityFilters } from './portal-opportunities';
import { AgreementPage } from './views/agreement-page';
import { AgreementsPage } from './views/agreements-page';
import { DataPage } from './views/data-page';
import { EvaluationPage } from './views/evaluation-page';
import { GuidePage } from './views/guide-page';
import { HomePage } from './views/home-page';
import type { Site } from './views/layout';
import { NotFoundPage } from './views/not-found-page';
import { OpportunitiesPage } from './views/opportunities-page';
import { ProposalPage, type ProposalResult } from './views/proposal-page';
import { ConfirmPage, TrackPage } from './views/tracking-pages';

// Each page: read what it shows (public rules only), render it whole. Answers are cached by the
// caller, so these run once per address per publication change.

// visit: the page whose opening is counted (issue 4 §8).
export type Rendered = { status: number; body: string; visit?: { page: 'agreement' | 'opportunity'; id: string } } | { redirect: string };

const optionalCode = z.string().trim().regex(/^[a-z0-9_]{1,50}$/).optional().catch(undefined);
const ListQuerySchema = z.object({
  q: z.string().trim().max(SEARCH_TEXT_MAX_LENGTH).optional().catch(undefined),
  tahun: z.coerce.number().int().min(1945).max(2200).optional().catch(undefined),
  bidang: optionalCode,
  mitra: optionalCode,
  halaman: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export function notFoundPage(site: Site, path: string): Rendered {
  const meta = { title: 'Halaman tidak ditemukan', description: 'Alamat ini tidak ada di portal kerja sama Kota Ternate.', path, noindex: true };
  return { status: 404, body: renderPage(meta, site, <NotFoundPage />) };
}

export async function homePage(ctx: Ctx, site: Site): Promise<Rendered> {
  const [{ stats, labels: statLabels }, labels, latest, openOpportunities] = await Promise.all([
    computeStats(ctx, {}),
    loadPortalLabels(ctx),
    findPortalAgreements(ctx, { page: 1, pageSize: 6 }),
    openOpportunityCount(ctx),
  ]);
  const data = { stats, groups: statLabels.groups, latest: latest.items, publicTotal: latest.total, openOpportunities };
  const meta = {
    title: 'Kerja Sama Kota Ternate',
    description: 'Hasil kerja sama daerah Pemerintah Kota Ternate: jumlah naskah per tahun, bidang dan mitra, kerja sama terbaru, peluang bagi warga, dan cara mengusulkan kerja sama.',
    path: '/',
  };
  return { status: 200, body: renderPage(meta, site, <HomePage data={data} labels={labels} />) };
}

export async function agreementsPage(ctx: Ctx, site: Site, query: unknown): Promise<Rendered> {
  const parsed = ListQuerySchema.parse(query ?? {});
  const filters: PortalFilters = { q: parsed.q || undefined, year: parsed.tahun, sector: parsed.bidang, group: parsed.mitra, page: parsed.halaman };
  const [labels, result, years] = await Promise.all([loadPortalLabels(ctx), findPortalAgreements(ctx, filters), publicYears(ctx)]);
  const meta = {
    title: filters.page > 1 ? `Kerja sama yang berlaku, halaman ${filters.page}` : 'Kerja sama yang berlaku',
    description: 'Cari naskah kerja sama Kota Ternate yang sedang berlaku menurut kata kunci, tahun, bidang dan kelompok mitra.',
    path: '/kerja-sama',
  };
  const data = { filters, items: result.items, total: result.total, pageSize: PORTAL_PAGE_SIZE, years };
  return { status: 200, body: renderPage(meta, site, <AgreementsPage data={data} labels={labels} />) };
}

export async function agreementPage(ctx: Ctx, site: Site, slug: string): Promise<Rendered> {
  const item = await findPortalAgreementBySlug(ctx, slug);
  if (!item) return notFoundPage(site, `/kerja-sama/${slug}`);
  const canonical = agreementSlug(item.id, item.title);
  // A renamed agreement keeps its old links working.
  if (canonical !== slug) return { redirect: `/kerja-sama/${canonical}` };
  const [labels, published, relatives] = await Promise.all([loadPortalLabels(ctx), publishedPackageOf(ctx, item.id), portalRelativesOf(ctx, item.id)]);
  const meta = {
    title: item.title,
    description: `${item.docType} Pemerintah Kota Ternate${item.partnerNames.length > 0 ? ` dengan ${item.partnerNames.join(', ')}` : ''}, berlaku sampai ${item.endsOn ?? '—'}.`.slice(0, 300),
    path: `/kerja-sama/${canonical}`,
  };
  const data = { item, relatives, summary: published?.summary ?? null, opportunities: published?.opportunities ?? [], today: localDate(ctx.now) };
  return { status: 200, visit: { page: 'agreement', id: item.id }, body: renderPage(meta, site, <AgreementPage data={data} labels={labels} />) };
}

const OpportunityQuerySchema = z.object({
  jenis: z.enum(OPPORTUNITY_TYPES).optional().catch(undefined),
  bidang: optionalCode,
  status: z.enum(['dibuka', 'ditutup', 'semua']).catch('dibuka').default('dibuka'),
});

export async function opportunitiesPage(ctx: Ctx, site: Site, query: unknown): Promise<Rendered> {
  const parsed = OpportunityQuerySchema.parse(query ?? {});
  const filters: OpportunityFilters = { type: parsed.jenis, sector: parsed.bidang, status: parsed.status };
  const [labels, items] = await Promise.all([loadPortalLabels(ctx), findPortalOpportunities(ctx, filters)]);
  const meta = {
    title: 'Peluang bagi warga',
    description: 'Beasiswa, pembiayaan, pelatihan dan layanan yang dibuka oleh kerja sama Pemerintah Kota Ternate, dengan batas waktu dan cara mendaftar.',
    path: '/peluang',
  };
  return { status: 200, body: renderPage(meta, site, <OpportunitiesPage filters={filters} items={items} labels={labels} today={localDate(ctx.now)} />) };
}

export async function proposalPage(ctx: Ctx, site: Site, result?: ProposalResult): Promise<Rendered> {
  const [guide, labels] = await Promise.all([readProcedureGuide(ctx), loadPortalLabels(ctx)]);
  const data = { guides: guide.procedures, sectors: labels.sectors.filter((sector) => sector.isActive), categories: labels.categories };
  const meta = {
    title: 'Usulkan kerja sama',
    description: 'Cara mengusulkan kerja sama dengan Pemerintah Kota Ternate: alur dan dokumen per bentuk kerja sama, dan formulir usulan tanpa akun.',
    path: '/usulan',
    scripts: ['proposal-form.js'],
  };
  return { status: 200, body: renderPage(meta, site, <ProposalPage data={data} result={result} />) };
}

export async function guidePage(ctx: Ctx, site: Site, kind: string): Promise<Rendered> {
  const { procedures } = await readProcedureGuide(ctx);
  const guide = (COOPERATION_KINDS as readonly string[]).includes(kind) ? procedures.find((candidate) => candidate.kind === kind) : undefined;
  if (!guide) return notFoundPage(site, `/usulan/panduan/${kind}`);
  const meta = {
    title: `Alur dan tata cara ${guide.kind}`,
    description: `Tahapan, dokumen yang diperlukan dan target waktu untuk ${guide.name} (${guide.kind}) di Kota Ternate.`,
    path: `/usulan/panduan/${guide.kind}`,
  };
  return { status: 200, body: renderPage(meta, site, <GuidePage guide={guide} all={procedures} />) };
}

export function confirmPage(site: Site): Rendered {
  const meta = { title: 'Konfirmasi usulan', description: 'Konfirmasi alamat e-mail untuk usulan kerja sama.', path: '/usulan/konfirmasi', noindex: true, scripts: ['confirm.js'] };
  return { status: 200, body: renderPage(meta, site, <ConfirmPage />) };
}

export function trackPage(site: Site): Rendered {
  const meta = { title: 'Lacak usulan', description: 'Status usulan kerja sama melalui tautan pribadi.', path: '/usulan/lacak', noindex: true, scripts: ['track.js'] };
  return { status: 200, body: renderPage(meta, site, <TrackPage />) };
}

export function evaluationPage(site: Site): Rendered {
  const meta = { title: 'Penilaian kerja sama', description: 'Penilaian kerja sama oleh mitra melalui tautan pribadi.', path: '/penilaian', noindex: true, scripts: ['evaluation.js'] };
  return { status: 200, body: renderPage(meta, site, <EvaluationPage />) };
}

export function dataPage(site: Site): Rendered {
  const meta = {
    title: 'Data terbuka kerja sama',
    description: 'Unduh data kerja sama Kota Ternate dalam CSV dan JSON: daftar kerja sama yang berlaku, statistik per tahun, serta pelaksanaan dan dampaknya, dengan katalog untuk portal Satu Data.',
    path: '/data',
    alternates: [{ type: 'application/json', title: 'Katalog data terbuka (DCAT-US data.json)', href: CATALOG_PATH }],
  };
  return { status: 200, body: renderPage(meta, site, <DataPage datasets={DATASETS} />) };
}
