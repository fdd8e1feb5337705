import type { DocType } from '../../../shared/agreement-codes';
import { statusDateBounds } from '../../../shared/agreement-status';
import type { PublicAgreement, PublicAgreementList, PublicSearchQuery } from '../../../shared/public';
import { agreementIdPrefixFromSlug } from '../../../shared/slug';
import { localDate, type Ctx } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { openStoredBody } from '../../lib/file-store';
import { getSettings } from '../settings/settings.service';
import { usableText, type StatusBounds } from '../search/search.rules';
import {
  countPublic,
  findPublicDocument,
  findPublicPage,
  findPublicRelatives as selectPublicRelatives,
  findPublicYears,
  findVisibleIds,
  idRangeCondition,
  partnerNamesOf,
  publicConditions,
  publicDocumentsOf,
  publiclyVisible,
  sectorCodesOf,
  type PublicFilters,
} from './public.repository';

// Today's bounds of "in force" (aktif or akan berakhir), shared by the public API and the portal.
async function publicBounds(ctx: Ctx): Promise<StatusBounds> {
  const { expiryWarningDays } = await getSettings(ctx.db);
  return statusDateBounds(localDate(ctx.now), expiryWarningDays);
}

type PublicRow = Awaited<ReturnType<typeof findPublicPage>>[number];

// Partner names, sectors (the primary first, as everywhere else) and public documents of a page of rows.
async function withPublicDetails(ctx: Ctx, rows: PublicRow[]): Promise<PublicAgreement[]> {
  const ids = rows.map((row) => row.id);
  const [names, sectorRows, files] = await Promise.all([partnerNamesOf(ctx.db, ids), sectorCodesOf(ctx.db, ids), publicDocumentsOf(ctx.db, ids)]);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    docType: row.docType,
    kind: row.kind,
    partnerNames: names.filter((entry) => entry.agreementId === row.id).map((entry) => entry.name),
    sectorCodes: [
      row.primarySectorCode,
      ...sectorRows.filter((entry) => entry.agreementId === row.id && entry.sectorCode !== row.primarySectorCode).map((entry) => entry.sectorCode),
    ],
    signedOn: row.signedOn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    scope: row.scope,
    documents: files.filter((file) => file.agreementId === row.id).map((file) => ({ id: file.id, fileName: file.fileName })),
  }));
}

export type PublicListFilters = Omit<PublicFilters, 'text'> & { q?: string | undefined };

// Agreements in force that the public may see, newest first, one page of them and how many there are.
// The public API filters by words and sectors; the portal adds the partner group and the year.
export async function findPublicAgreements(ctx: Ctx, input: PublicListFilters & { limit: number; offset: number }): Promise<{ total: number; items: PublicAgreement[] }> {
  const { q, limit, offset, ...rest } = input;
  const where = publicConditions(await publicBounds(ctx), { text: usableText(q), ...rest });
  const [total, rows] = await Promise.all([countPublic(ctx.db, where), findPublicPage(ctx.db, { where, limit, offset })]);
  return { total, items: await withPublicDetails(ctx, rows) };
}

// No login: the public portal's list of agreements in force, newest first.
export async function listPublicAgreements(ctx: Ctx, query: PublicSearchQuery): Promise<PublicAgreementList> {
  const { total, items } = await findPublicAgreements(ctx, { q: query.q, sectors: query.sector, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

// Every public agreement, for the open data files, the feed and the sitemap.
export async function allPublicAgreements(ctx: Ctx, limit: number): Promise<PublicAgreement[]> {
  const rows = await findPublicPage(ctx.db, { where: publiclyVisible(await publicBounds(ctx)), limit, offset: 0 });
  return withPublicDetails(ctx, rows);
}

// The slug ends with the first 8 hex characters of the id; the range keeps the primary key index.
export async function findPublicAgreementBySlug(ctx: Ctx, slug: string): Promise<PublicAgreement | null> {
  const prefix = agreementIdPrefixFromSlug(slug);
  if (!prefix) return null;
  const low = `${prefix}-0000-0000-0000-000000000000`;
  const high = `${prefix}-ffff-ffff-ffff-ffffffffffff`;
  const rows = await findPublicPage(ctx.db, { where: idRangeCondition(await publicBounds(ctx), { low, high }), limit: 2, offset: 0 });
  // Two public agreements sharing a prefix is improbable; neither is then guessed.
  if (rows.length !== 1) return null;
  const [item] = await withPublicDetails(ctx, rows);
  return item ?? null;
}

export type PublicRelative = { id: string; title: string; docType: DocType };
export type PublicRelatives = { parent: PublicRelative | null; children: PublicRelative[] };

// What this agreement amends or carries out, and its adenda and PKS, as far as the public may see them.
export async function findPublicRelatives(ctx: Ctx, id: string): Promise<PublicRelatives> {
  const rows = await selectPublicRelatives(ctx.db, { id, bounds: await publicBounds(ctx) });
  const relative = ({ id: rowId, title, docType }: (typeof rows)[number]): PublicRelative => ({ id: rowId, title, docType });
  const parent = rows.find((row) => row.parentId !== id);
  return { parent: parent ? relative(parent) : null, children: rows.filter((row) => row.parentId === id).map(relative) };
}

// The signing years that have public agreements, newest first, for the portal's year filter.
export async function listPublicYears(ctx: Ctx): Promise<number[]> {
  return findPublicYears(ctx.db, await publicBounds(ctx));
}

// Which of these agreements the public may see today (the portal shows opportunities of those only).
export async function publiclyVisibleIds(ctx: Ctx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return findVisibleIds(ctx.db, { ids, bounds: await publicBounds(ctx) });
}

// A document marked public, of an agreement the public may see; anything else is simply not there.
export async function openPublicDocument(ctx: Ctx, documentId: string) {
  const { files } = ctx;
  const document = await findPublicDocument(ctx.db, { id: documentId, bounds: await publicBounds(ctx) });
  const body = document ? await openStoredBody(files, document.storageKey) : null;
  if (!document || !body) throw notFound('Dokumen', 'Document');
  return { body, fileName: document.fileName, mimeType: document.mimeType };
}
