import { and, asc, count, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import type { OpenFinding, RecapRow, ReportMeta, ReportSection, ReportSettings, StatutoryReportKind, StatutoryReportStatus } from '../../../shared/annual-report';
import type { Db } from '../../db/client';
import { annualReportSections, annualReportSettings, annualReports } from './annual-report.table';
import type { AgreementFacts, PlanFacts, ReportFacts } from './annual-report.rules';

export type AnnualReportRow = typeof annualReports.$inferSelect;

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  // Both drivers answer raw SQL with { rows }.
  return (result as { rows: T[] }).rows;
}

function idArray(ids: string[]): SQL {
  return sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
}

type Window = { firstDay: string; lastDay: string };

// The agreements in force at some time in the window (annual-report.rules isInForceDuring): signed
// KB, PKS and NK, adenda listed under the document they amend. Oldest signing first.
export function selectInForceIds(db: Db, window: Window): Promise<{ id: string }[]> {
  return rowsOf(
    db,
    sql`SELECT a.id FROM agreements a
        WHERE NOT a.is_draft AND a.signed_on IS NOT NULL AND a.doc_type IN ('KB', 'PKS', 'NK')
          AND coalesce(a.starts_on, a.signed_on) <= ${window.lastDay}::date
          AND (a.ends_on IS NULL OR a.ends_on >= ${window.firstDay}::date)
          AND NOT coalesce(a.termination_kind IS NOT NULL AND a.terminated_on < ${window.firstDay}::date, false)
        ORDER BY a.signed_on, a.number_ours NULLS LAST, a.id`,
  );
}

// One batch of agreements with their partners, OPDs, sector and adenda, in one query.
export async function selectAgreementFacts(db: Db, ids: string[]): Promise<AgreementFacts[]> {
  if (ids.length === 0) return [];
  const rows = await rowsOf<Record<string, string | null>>(
    db,
    sql`SELECT a.id, a.doc_type, a.kind, a.title, a.number_ours, a.number_partner,
          a.signed_on::text AS signed_on, a.starts_on::text AS starts_on, a.ends_on::text AS ends_on,
          a.termination_kind, a.terminated_on::text AS terminated_on, a.termination_reason,
          a.scope, a.purpose, a.value_idr::text AS value_idr,
          (SELECT string_agg(p.name, ', ' ORDER BY ap.position) FROM agreement_partners ap JOIN partners p ON p.id = ap.partner_id WHERE ap.agreement_id = a.id) AS partners,
          (SELECT pc.name FROM partner_categories pc WHERE pc.code = a.primary_category_code) AS partner_category,
          (SELECT string_agg(u.name, ', ' ORDER BY au.is_lead DESC, u.name) FROM agreement_units au JOIN units u ON u.id = au.unit_id WHERE au.agreement_id = a.id) AS units,
          (SELECT s.name FROM sectors s WHERE s.code = a.primary_sector_code) AS sector,
          (SELECT string_agg(coalesce(c.number_ours, c.title) || ' (' || coalesce(c.signed_on::text, '–') || ')', '; ' ORDER BY c.signed_on)
             FROM agreements c WHERE c.parent_id = a.id AND c.doc_type = 'ADENDUM' AND NOT c.is_draft) AS adenda
        FROM agreements a WHERE a.id = ANY(${idArray(ids)})`,
  );
  const byId = new Map(rows.map((row) => [row.id ?? '', row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id,
        docType: row.doc_type ?? '',
        kind: row.kind ?? '',
        title: row.title ?? '',
        numberOurs: row.number_ours ?? null,
        numberPartner: row.number_partner ?? null,
        signedOn: row.signed_on ?? null,
        startsOn: row.starts_on ?? null,
        endsOn: row.ends_on ?? null,
        terminationKind: row.termination_kind ?? null,
        terminatedOn: row.terminated_on ?? null,
        terminationReason: row.termination_reason ?? null,
        scope: row.scope ?? null,
        purpose: row.purpose ?? null,
        valueIdr: row.value_idr ?? null,
        partners: row.partners ?? null,
        partnerCategory: row.partner_category ?? null,
        units: row.units ?? null,
        sector: row.sector ?? null,
        adenda: row.adenda ?? null,
      },
    ];
  });
}

// The activity plans of the year's budget for a batch of agreements.
export async function selectPlanFacts(db: Db, query: { ids: string[]; year: number }): Promise<PlanFacts[]> {
  if (query.ids.length === 0) return [];
  const rows = await rowsOf<{
    agreement_id: string;
    title: string;
    budget_amount: string;
    budget_source: string;
    indicators: PlanFacts['indicators'] | null;
  }>(
    db,
    sql`SELECT agreement_id, title, budget_amount::text AS budget_amount, budget_source, indicators
        FROM activity_plans WHERE agreement_id = ANY(${idArray(query.ids)}) AND budget_year = ${query.year}
        ORDER BY agreement_id, created_at`,
  );
  return rows.map((row) => ({
    agreementId: row.agreement_id,
    title: row.title,
    budgetAmount: row.budget_amount,
    budgetSource: row.budget_source,
    indicators: row.indicators ?? [],
  }));
}

// The realisation reports of the periods (sent, verified or returned; drafts are the OPD's own).
export async function selectReportFacts(db: Db, query: { ids: string[]; periods: string[] }): Promise<ReportFacts[]> {
  if (query.ids.length === 0) return [];
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`SELECT r.agreement_id, ap.title AS plan_title, r.period, r.status, r.summary, r.outputs, r.completion, r.beneficiaries, r.funds,
          r.obstacles_internal, r.obstacles_external, r.follow_up, r.return_reason, (r.updated_at AT TIME ZONE 'Asia/Jayapura')::date::text AS updated_on
        FROM realisation_reports r JOIN activity_plans ap ON ap.id = r.plan_id
        WHERE r.agreement_id = ANY(${idArray(query.ids)}) AND r.status <> 'draft'
          AND r.period IN (${sql.join(
            query.periods.map((period) => sql`${period}`),
            sql`, `,
          )})
        ORDER BY r.agreement_id, r.period, ap.title`,
  );
  return rows.map((row) => ({
    agreementId: row.agreement_id as string,
    planTitle: row.plan_title as string,
    period: row.period as string,
    status: row.status as string,
    summary: row.summary as string,
    outputs: (row.outputs as string | null) ?? null,
    completion: row.completion as string,
    beneficiaries: (row.beneficiaries as ReportFacts['beneficiaries'] | null) ?? [],
    funds: (row.funds as ReportFacts['funds'] | null) ?? [],
    obstaclesInternal: (row.obstacles_internal as string | null) ?? null,
    obstaclesExternal: (row.obstacles_external as string | null) ?? null,
    followUp: (row.follow_up as string | null) ?? null,
    returnReason: (row.return_reason as string | null) ?? null,
    updatedOn: row.updated_on as string,
  }));
}

// ---- the stored reports

// The content column keeps only the period and counts (the sections are rows of their own).
export function selectReports(db: Db): Promise<AnnualReportRow[]> {
  return db.select().from(annualReports).orderBy(desc(annualReports.year), desc(annualReports.period), annualReports.kind);
}

export async function selectReport(db: Db, query: { id: string; forUpdate?: boolean }): Promise<AnnualReportRow | null> {
  const base = db.select().from(annualReports).where(eq(annualReports.id, query.id));
  const [row] = query.forUpdate ? await base.for('update') : await base;
  return row ?? null;
}

export async function selectReportOfPeriod(db: Db, query: { kind: StatutoryReportKind; period: string; forUpdate?: boolean }): Promise<AnnualReportRow | null> {
  const base = db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.kind, query.kind), eq(annualReports.period, query.period)));
  const [row] = query.forUpdate ? await base.for('update') : await base;
  return row ?? null;
}

export async function insertReport(
  db: Db,
  values: {
    kind: StatutoryReportKind;
    year: number;
    period: string;
    by: string | null;
    now: Date;
  },
): Promise<AnnualReportRow> {
  const [row] = await db
    .insert(annualReports)
    .values({
      kind: values.kind,
      year: values.year,
      period: values.period,
      createdBy: values.by,
      jobHeartbeatAt: values.now,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .returning();
  if (!row) throw new Error('insertReport: nothing inserted');
  return row;
}

export type ReportChanges = Partial<{
  status: StatutoryReportStatus;
  jobStatus: AnnualReportRow['jobStatus'];
  jobDone: number;
  jobTotal: number;
  jobError: string | null;
  jobHeartbeatAt: Date | null;
  content: ReportMeta | null;
  finalisedBy: string | null;
  finalisedAt: Date | null;
  letterNumber: string;
  letterDate: string;
  recipient: string;
  submittedBy: string | null;
  submittedAt: Date;
}>;

// A change the reader sees (a new version); job progress alone does not move the version.
export async function updateReport(
  db: Db,
  input: {
    id: string;
    changes: ReportChanges;
    now: Date;
    bumpVersion: boolean;
  },
): Promise<AnnualReportRow> {
  const [row] = await db
    .update(annualReports)
    .set({
      ...input.changes,
      updatedAt: input.now,
      ...(input.bumpVersion ? { version: sql`${annualReports.version} + 1` } : {}),
    })
    .where(eq(annualReports.id, input.id))
    .returning();
  if (!row) throw new Error('updateReport: no such report');
  return row;
}

// Progress also renews the generation's lease (its heartbeat), as does the timer between batches.
export async function updateJobProgress(db: Db, input: { id: string; done: number; total: number; at: Date }): Promise<void> {
  await db.update(annualReports).set({ jobDone: input.done, jobTotal: input.total, jobHeartbeatAt: input.at }).where(eq(annualReports.id, input.id));
}

export async function updateJobHeartbeat(db: Db, input: { id: string; at: Date }): Promise<void> {
  await db
    .update(annualReports)
    .set({ jobHeartbeatAt: input.at })
    .where(and(eq(annualReports.id, input.id), eq(annualReports.jobStatus, 'pending')));
}

// ---- settings

export async function selectSettingsRow(db: Db): Promise<{ value: ReportSettings; version: number } | null> {
  const [row] = await db
    .select({
      value: annualReportSettings.value,
      version: annualReportSettings.version,
    })
    .from(annualReportSettings);
  return row ?? null;
}

export async function writeSettingsRow(db: Db, input: { value: ReportSettings; version: number; now: Date }): Promise<void> {
  await db
    .insert(annualReportSettings)
    .values({
      id: 1,
      value: input.value,
      version: input.version,
      updatedAt: input.now,
    })
    .onConflictDoUpdate({
      target: annualReportSettings.id,
      set: { value: input.value, version: input.version, updatedAt: input.now },
    });
}

// ---- the sections, one row per agreement

export type SectionPart = { section: ReportSection; recap: RecapRow; findings: OpenFinding[] };

export async function insertSections(db: Db, input: { reportId: string; firstPosition: number; parts: SectionPart[] }): Promise<void> {
  if (input.parts.length === 0) return;
  await db.insert(annualReportSections).values(
    input.parts.map((part, index) => ({
      reportId: input.reportId,
      agreementId: part.section.agreementId,
      position: input.firstPosition + index,
      label: part.section.label,
      texts: part.section.texts,
      recap: part.recap,
      isDormant: part.recap.isDormant,
      findings: part.findings,
    })),
  );
}

export async function deleteSections(db: Db, reportId: string): Promise<void> {
  await db.delete(annualReportSections).where(eq(annualReportSections.reportId, reportId));
}

const sectionColumns = { agreementId: annualReportSections.agreementId, position: annualReportSections.position, label: annualReportSections.label, texts: annualReportSections.texts };

// A page of the sections in report order, optionally those whose heading holds `q`.
export async function selectSectionsPage(db: Db, query: { reportId: string; q?: string | undefined; offset: number; limit: number }) {
  const where = and(eq(annualReportSections.reportId, query.reportId), query.q ? ilike(annualReportSections.label, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined);
  const [rows, [total]] = await Promise.all([
    db.select(sectionColumns).from(annualReportSections).where(where).orderBy(asc(annualReportSections.position)).offset(query.offset).limit(query.limit),
    db.select({ n: count() }).from(annualReportSections).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

// A slice of every part by position, for the files: read a batch at a time.
export function selectPartsFrom(db: Db, query: { reportId: string; from: number; limit: number }) {
  return db
    .select({ ...sectionColumns, recap: annualReportSections.recap, findings: annualReportSections.findings })
    .from(annualReportSections)
    .where(and(eq(annualReportSections.reportId, query.reportId), gte(annualReportSections.position, query.from), lt(annualReportSections.position, query.from + query.limit)))
    .orderBy(asc(annualReportSections.position));
}

export async function selectSectionForUpdate(db: Db, query: { reportId: string; agreementId: string }) {
  const [row] = await db
    .select(sectionColumns)
    .from(annualReportSections)
    .where(and(eq(annualReportSections.reportId, query.reportId), eq(annualReportSections.agreementId, query.agreementId)))
    .for('update');
  return row ?? null;
}

export async function updateSectionTexts(db: Db, input: { reportId: string; agreementId: string; texts: ReportSection['texts'] }): Promise<void> {
  await db
    .update(annualReportSections)
    .set({ texts: input.texts })
    .where(and(eq(annualReportSections.reportId, input.reportId), eq(annualReportSections.agreementId, input.agreementId)));
}
