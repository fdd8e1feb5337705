import { z } from 'zod';
import type { CooperationKind, DocType } from './agreement-codes';
import { SEARCH_TEXT_MAX_LENGTH } from './search';
import { plainText } from './input';

export const PUBLIC_PAGE_SIZE_MAX = 50;

export const PublicSearchQuerySchema = z.object({
  q: plainText().trim().max(SEARCH_TEXT_MAX_LENGTH).optional(),
  sector: z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(plainText().trim().min(1).max(50)).max(20).optional()),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PUBLIC_PAGE_SIZE_MAX).default(20),
});
export type PublicSearchQuery = z.output<typeof PublicSearchQuerySchema>;

export const PublicFileQuerySchema = z.object({
  download: z.enum(['0', '1', 'true', 'false']).optional(),
});

// What a citizen may see of an agreement: no value, no numbers, no internal notes, and only the
// documents the division marked public.
export type PublicAgreement = {
  id: string;
  title: string;
  docType: DocType;
  kind: CooperationKind;
  partnerNames: string[];
  sectorCodes: string[];
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  scope: string | null;
  documents: { id: string; fileName: string }[];
};

export type PublicAgreementList = {
  items: PublicAgreement[];
  total: number;
  page: number;
  pageSize: number;
};
