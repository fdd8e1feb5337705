import { and, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AgreementStatus } from '../../../shared/agreement-codes';

// The registry's rules as SQL expressions: pure functions of their arguments that read no table and
// touch no database. The public module filters with the same rules (public.repository.ts), so an
// agreement counts as in force on the public pages exactly when the registry says so.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Validated dates go in as literals so the same expression can appear in SELECT and GROUP BY.
function dateLiteral(value: string): SQL {
  if (!ISO_DATE.test(value)) throw new Error(`not a date: ${value}`);
  return sql.raw(`'${value}'::date`);
}

export type StatusBounds = { today: string; warnUntil: string };

// The columns a derived status reads: the registry list reads them from agreement_search, the
// public pages from agreements.
export type StatusColumns = { isDraft: AnyPgColumn; terminationKind: AnyPgColumn; terminatedOn: AnyPgColumn; endsOn: AnyPgColumn };

// The derived status (deriveAgreementStatus in src/shared/agreement-status.ts) as SQL, for facets.
export function statusExpression(bounds: StatusBounds, on: StatusColumns): SQL<AgreementStatus> {
  const today = dateLiteral(bounds.today);
  const warnUntil = dateLiteral(bounds.warnUntil);
  return sql<AgreementStatus>`CASE
    WHEN ${on.isDraft} THEN 'draft'
    WHEN ${on.terminationKind} IS NOT NULL AND ${on.terminatedOn} IS NOT NULL AND ${on.terminatedOn} <= ${today} THEN ${on.terminationKind}
    WHEN ${on.endsOn} IS NULL THEN 'aktif'
    WHEN ${on.endsOn} < ${today} THEN 'berakhir'
    WHEN ${on.endsOn} <= ${warnUntil} THEN 'akan_berakhir'
    ELSE 'aktif' END`;
}

// The same rule as plain date conditions, one status at a time, for filtering.
export function statusCondition(status: AgreementStatus, input: { bounds: StatusBounds; on: StatusColumns }): SQL {
  const { bounds, on } = input;
  const today = dateLiteral(bounds.today);
  const warnUntil = dateLiteral(bounds.warnUntil);
  const signed = sql`NOT ${on.isDraft}`;
  const endedEarly = sql`(${on.terminationKind} IS NOT NULL AND ${on.terminatedOn} IS NOT NULL AND ${on.terminatedOn} <= ${today})`;
  const running = and(signed, sql`NOT ${endedEarly}`);
  switch (status) {
    case 'draft':
      return sql`${on.isDraft}`;
    case 'diakhiri':
    case 'dicabut':
      return sql`(${signed} AND ${endedEarly} AND ${on.terminationKind} = ${status})`;
    case 'berakhir':
      return sql`(${running} AND ${on.endsOn} < ${today})`;
    case 'akan_berakhir':
      return sql`(${running} AND ${on.endsOn} >= ${today} AND ${on.endsOn} <= ${warnUntil})`;
    case 'aktif':
      return sql`(${running} AND (${on.endsOn} IS NULL OR ${on.endsOn} > ${warnUntil}))`;
  }
}

// Both configurations: 'indonesian' finds "pembiayaan" for "biaya"; 'simple' keeps numbers and names as typed.
export function textQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('indonesian', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}

// A query with no letter or digit has no lexemes; it would only make PostgreSQL complain.
export function usableText(q: string | undefined): string | null {
  const trimmed = q?.trim() ?? '';
  return /[\p{L}\p{N}]/u.test(trimmed) ? trimmed : null;
}
