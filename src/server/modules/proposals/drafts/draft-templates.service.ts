import { eq } from 'drizzle-orm';
import {
  DRAFT_PLACEHOLDERS,
  DRAFT_TYPES,
  PKS_REQUIRED_SECTIONS,
  missingPksSections,
  unknownPlaceholders,
  type DraftPlaceholder,
  type DraftTemplateView,
  type DraftType,
  type UpdateDraftTemplateInput,
  UpdateDraftTemplateSchema,
} from '../../../../shared/proposal-signing';
import type { Db } from '../../../db/client';
import type { ActorCtx } from '../../../lib/context';
import { AppError, forbidden, notFound } from '../../../lib/errors';
import { updateVersioned } from '../../../lib/versioned';
import { diffFields, recordAudit } from '../../audit/audit.service';
import { parseInput } from '../../agreements/agreements.rules';
import { findDraftTemplate, listDraftTemplateRows, type DraftTemplateRow } from './draft-templates.repository';
import { draftTemplates } from './draft-templates.table';
import { canEditDraftTemplates, canReadDraftTemplates } from '../signing/signing.policy';

const WHAT: [string, string] = ['Templat naskah', 'Draft template'];

const PLACEHOLDER_LIST = (Object.keys(DRAFT_PLACEHOLDERS) as DraftPlaceholder[]).map((name) => ({
  name,
  label: DRAFT_PLACEHOLDERS[name].id,
  labelEn: DRAFT_PLACEHOLDERS[name].en,
}));

function toView(row: DraftTemplateRow): DraftTemplateView {
  return {
    type: row.type,
    title: row.title,
    sections: row.sections,
    placeholders: PLACEHOLDER_LIST,
    requiredSections: row.type === 'pks' ? PKS_REQUIRED_SECTIONS.map((section) => ({ heading: section.id, headingEn: section.en })) : [],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function loadDraftTemplate(db: Db, type: DraftType): Promise<DraftTemplateRow> {
  const row = await findDraftTemplate(db, type);
  if (!row) throw notFound(...WHAT);
  return row;
}

export async function listDraftTemplates(ctx: ActorCtx): Promise<DraftTemplateView[]> {
  if (!canReadDraftTemplates(ctx.actor)) throw forbidden();
  const rows = await listDraftTemplateRows(ctx.db);
  return DRAFT_TYPES.flatMap((type) => rows.filter((row) => row.type === type).map(toView));
}

export async function getDraftTemplate(ctx: ActorCtx, type: DraftType): Promise<DraftTemplateView> {
  if (!canReadDraftTemplates(ctx.actor)) throw forbidden();
  return toView(await loadDraftTemplate(ctx.db, type));
}

// A placeholder Jalin cannot fill would reach the parties as "{{...}}": refused, by name and place.
function checkPlaceholders(title: string, sections: { heading: string; body: string }[]): void {
  const places: { path: string; text: string }[] = [
    { path: 'title', text: title },
    ...sections.flatMap((section, index) => [
      { path: `sections.${index}.heading`, text: section.heading },
      { path: `sections.${index}.body`, text: section.body },
    ]),
  ];
  const issues = places.flatMap((place) => unknownPlaceholders(place.text).map((name) => ({ path: place.path, name })));
  if (issues.length === 0) return;
  const names = [...new Set(issues.map((issue) => `{{${issue.name}}}`))].join(', ');
  throw new AppError({
    code: 'VALIDATION',
    message: `Penanda tidak dikenal: ${names}.`,
    messageEn: `Unknown placeholder: ${names}.`,
    field: issues[0]?.path ?? 'sections',
    issues: issues.map((issue) => ({ path: issue.path, message: `penanda tidak dikenal {{${issue.name}}} / unknown placeholder` })),
    details: { unknownPlaceholders: [...new Set(issues.map((issue) => issue.name))] },
  });
}

// PP 28/2018 Ps 19(2): a PKS template without these sections would produce an incomplete PKS.
function checkPksSections(type: DraftType, sections: { heading: string }[]): void {
  if (type !== 'pks') return;
  const missing = missingPksSections(sections.map((section) => section.heading));
  if (missing.length === 0) return;
  throw new AppError({
    code: 'VALIDATION',
    message: `Templat PKS wajib memuat bagian: ${missing.map((section) => section.id).join(', ')} (PP 28/2018 Pasal 19 ayat 2).`,
    messageEn: `A PKS template must contain the sections: ${missing.map((section) => section.en).join(', ')} (PP 28/2018 art. 19(2)).`,
    field: 'sections',
    issues: missing.map((section) => ({ path: 'sections', message: `bagian "${section.id}" tidak ada / section missing` })),
    details: { missingSections: missing.map((section) => section.key) },
  });
}

export async function updateDraftTemplate(ctx: ActorCtx, { type, ...input }: { type: DraftType } & UpdateDraftTemplateInput): Promise<DraftTemplateView> {
  if (!canEditDraftTemplates(ctx.actor)) throw forbidden();
  const { version, title, sections } = parseInput(UpdateDraftTemplateSchema, input);
  checkPlaceholders(title, sections);
  checkPksSections(type, sections);
  return ctx.db.transaction(async (tx) => {
    const before = await loadDraftTemplate(tx, type);
    const after = await updateVersioned({ db: tx, table: draftTemplates, where: eq(draftTemplates.type, type), version, patch: { title, sections, updatedBy: ctx.actor.id }, now: ctx.now, what: WHAT });
    const changes = diffFields({ title: before.title, sections: before.sections }, { title, sections });
    await recordAudit(tx, { actor: ctx.actor, entity: 'draft_template', entityId: type, action: 'update', at: ctx.now, changes });
    return toView(after);
  });
}
