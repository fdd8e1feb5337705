import {
  CreateObligationSchema,
  UpdateObligationSchema,
  type ConfirmObligationInput,
  type CreateObligationInput,
  type ObligationView,
  type UpdateObligationInput,
} from '../../../shared/obligations';
import type { Db } from '../../db/client';
import { localDate, type ActorCtx } from '../../lib/context';
import { forbidden, notFound, staleVersion } from '../../lib/errors';
import { loadReadableAgreement } from '../agreements/agreements.service';
import { parseInput } from '../agreements/agreements.rules';
import { diffFields, recordAudit } from '../audit/audit.service';
import * as occurrences from './obligation-occurrences.repository';
import { canConfirmObligation, canMarkOccurrenceMet, canReadObligations, canReopenOccurrence, canWaiveOccurrence, canWriteObligations } from './obligations.policy';
import * as repo from './obligations.repository';
import { checkObligation, type ObligationDraft } from './obligations.rules';
import { obligationViewOf, occurrenceViewsOf } from './obligations.views';

const WHAT: [string, string] = ['Kewajiban', 'Obligation'];
// What the partner agreed to: a change to any of these needs the lead OPD's confirmation again.
const CONFIRMED_FIELDS = ['party', 'clause', 'description', 'kind', 'dueOn', 'everyMonths', 'triggerText', 'evidenceRequired'] as const;

// The obligations as the reader sees them: each with its occurrences and what the reader may do.
export async function presentObligations(ctx: ActorCtx, db: Db, rows: repo.ObligationRow[], units: AgreementUnits): Promise<ObligationView[]> {
  const records = await occurrences.occurrenceRowsOf(db, rows.map((row) => row.id));
  const endsOn = rows[0] ? await occurrences.endOfAgreement(db, rows[0].agreementId) : null;
  const today = localDate(ctx.now);
  return rows.map((row) => {
    const facts = { party: row.party, unitId: row.unitId, leadUnitIds: units.leadUnitIds };
    const abilities = {
      canEdit: canWriteObligations(ctx.actor),
      canConfirm: canConfirmObligation(ctx.actor, facts),
      canMarkMet: canMarkOccurrenceMet(ctx.actor, facts),
      canWaive: canWaiveOccurrence(ctx.actor),
      canReopen: canReopenOccurrence(ctx.actor),
    };
    const own = records.filter((record) => record.obligationId === row.id);
    return obligationViewOf(row, { occurrences: occurrenceViewsOf(row, { records: own, endsOn, today }), abilities });
  });
}

async function present(ctx: ActorCtx, db: Db, row: repo.ObligationRow, units: AgreementUnits): Promise<ObligationView> {
  const [view] = await presentObligations(ctx, db, [row], units);
  if (!view) throw new Error('presentObligations: nothing presented');
  return view;
}

// 404 for a missing agreement, 403 for a draft the actor may not see (the register's own rule).
export type AgreementUnits = { unitIds: string[]; leadUnitIds: string[] };

export async function agreementUnits(ctx: ActorCtx, db: Db, agreementId: string): Promise<AgreementUnits> {
  await loadReadableAgreement(ctx, { id: agreementId, db });
  const units = await repo.unitsOfAgreement(db, agreementId);
  return { unitIds: units.map((unit) => unit.unitId), leadUnitIds: units.filter((unit) => unit.isLead).map((unit) => unit.unitId) };
}

export async function listObligations(ctx: ActorCtx, agreementId: string): Promise<ObligationView[]> {
  const units = await agreementUnits(ctx, ctx.db, agreementId);
  if (!canReadObligations(ctx.actor, units)) throw forbidden();
  return presentObligations(ctx, ctx.db, await repo.listObligationsOf(ctx.db, agreementId), units);
}

export async function createObligation(ctx: ActorCtx, { agreementId, ...raw }: CreateObligationInput & { agreementId: string }): Promise<ObligationView> {
  if (!canWriteObligations(ctx.actor)) throw forbidden();
  const input = parseInput(CreateObligationSchema, raw);
  return ctx.db.transaction(async (tx) => {
    const units = await agreementUnits(ctx, tx, agreementId);
    const draft: ObligationDraft = {
      party: input.party,
      unitId: input.unitId ?? null,
      kind: input.kind,
      dueOn: input.dueOn ?? null,
      everyMonths: input.everyMonths ?? null,
      triggerText: input.triggerText ?? null,
      status: 'open',
      waiverReason: null,
    };
    checkObligation(draft, units.unitIds);
    const values = { ...draft, agreementId, clause: input.clause ?? null, description: input.description, evidenceRequired: input.evidenceRequired, createdBy: ctx.actor.id };
    const row = await repo.insertObligation(tx, { values, now: ctx.now });
    const { createdBy: _createdBy, ...audited } = values;
    await recordAudit(tx, { actor: ctx.actor, entity: 'obligation', entityId: row.id, action: 'create', at: ctx.now, changes: diffFields({}, audited) });
    return present(ctx, tx, row, units);
  });
}

export async function updateObligation(ctx: ActorCtx, { id, ...raw }: UpdateObligationInput & { id: string }): Promise<ObligationView> {
  if (!canWriteObligations(ctx.actor)) throw forbidden();
  const { version, ...input } = parseInput(UpdateObligationSchema, raw);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findObligationForUpdate(tx, id);
    if (!before) throw notFound(...WHAT);
    if (before.version !== version) throw staleVersion();
    const units = await agreementUnits(ctx, tx, before.agreementId);
    const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<typeof before>;
    const merged = { ...before, ...defined };
    // A reason belongs to a waiver only: reopening or meeting the obligation clears it.
    if (merged.status !== 'waived') merged.waiverReason = null;
    checkObligation(merged, units.unitIds);
    const patch: Record<string, unknown> = { ...defined, waiverReason: merged.waiverReason };
    if (before.confirmedAt && CONFIRMED_FIELDS.some((field) => field in defined && defined[field] !== before[field])) {
      patch.confirmedAt = null;
      patch.confirmedBy = null;
    }
    const row = await repo.updateObligationRow(tx, { id, version, patch, now: ctx.now, what: WHAT });
    const changes = diffFields(Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof typeof before]])), patch);
    if (changes.length > 0) await recordAudit(tx, { actor: ctx.actor, entity: 'obligation', entityId: id, action: 'update', at: ctx.now, changes });
    return present(ctx, tx, row, units);
  });
}

// The lead OPD confirms what the partner owes, as the division entered it.
export async function confirmObligation(ctx: ActorCtx, { id, ...input }: ConfirmObligationInput & { id: string }): Promise<ObligationView> {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findObligationForUpdate(tx, id);
    if (!before) throw notFound(...WHAT);
    const units = await agreementUnits(ctx, tx, before.agreementId);
    if (!canConfirmObligation(ctx.actor, { party: before.party, leadUnitIds: units.leadUnitIds })) throw forbidden();
    const patch = { confirmedAt: ctx.now, confirmedBy: ctx.actor.id };
    const row = await repo.updateObligationRow(tx, { id, version: input.version, patch, now: ctx.now, what: WHAT });
    await recordAudit(tx, {
      actor: ctx.actor,
      entity: 'obligation',
      entityId: id,
      action: 'confirm',
      at: ctx.now,
      changes: [{ field: 'confirmedAt', old: before.confirmedAt?.toISOString() ?? null, new: ctx.now.toISOString() }],
    });
    return present(ctx, tx, row, units);
  });
}
