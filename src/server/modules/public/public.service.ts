import { and, type SQL } from 'drizzle-orm';
import { statusDateBounds } from '../../../shared/agreement-status';
import type { PublicAgreement, PublicAgreementList, PublicSearchQuery } from '../../../shared/public';
import { localDate, type Ctx } from '../../lib/context';
import { notFound } from '../../lib/errors';
import type { FileStore } from '../../lib/file-store';
import { getSettings } from '../settings/settings.service';
import { textQuery, usableText, type StatusBounds } from '../search/search.filters';
import {
  countPublic,
  findPublicDocument,
  findPublicPage,
  partnerNamesOf,
  publicDocumentsOf,
  publicTextCondition,
  publiclyVisible,
  sectorCodesOf,
  sectorCondition,
} from './public.repository';

// Today's bounds of "in force" (aktif or akan berakhir), shared by the public API and the portal.
export async function publicBounds(ctx: Ctx): Promise<StatusBounds> {
  const { expiryWarningDays } = await getSettings(ctx.db);
  return statusDateBounds(localDate(ctx.now), expiryWarningDays);
}

function conditionsOf(query: PublicSearchQuery, bounds: StatusBounds): SQL {
  const q = usableText(query.q);
  return and(
    publiclyVisible(bounds),
    q ? publicTextCondition(textQuery(q)) : undefined,
    query.sector?.length ? sectorCondition(query.sector) : undefined,
  ) as SQL;
}

type PublicRow = Awaited<ReturnType<typeof findPublicPage>>[number];

// Partner names, sectors (the primary first, as everywhere else) and public documents of a page of rows.
export async function withPublicDetails(ctx: Ctx, rows: PublicRow[]): Promise<PublicAgreement[]> {
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

// No login: the public portal's list of agreements in force, newest first.
export async function listPublicAgreements(ctx: Ctx, query: PublicSearchQuery): Promise<PublicAgreementList> {
  const where = conditionsOf(query, await publicBounds(ctx));
  const [total, rows] = await Promise.all([
    countPublic(ctx.db, where),
    findPublicPage(ctx.db, where, query.pageSize, (query.page - 1) * query.pageSize),
  ]);
  const items = await withPublicDetails(ctx, rows);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

// A document marked public, of an agreement the public may see; anything else is simply not there.
export async function openPublicDocument(ctx: Ctx, files: FileStore, documentId: string) {
  const document = await findPublicDocument(ctx.db, documentId, await publicBounds(ctx));
  if (!document || !(await files.exists(document.storageKey))) throw notFound('Dokumen', 'Document');
  return { body: files.stream(document.storageKey), fileName: document.fileName, mimeType: document.mimeType };
}
