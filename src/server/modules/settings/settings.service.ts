import { DEFAULT_SETTINGS, DIGEST_ENABLED_KEY, DISSEMINATION_FOUR_EYES_KEY, EXPIRY_ALERT_DAYS_KEY, ExpiryAlertDaysSchema, SETTING_KEYS, type SettingName, type Settings, type SettingsView, type UpdateSettingsInput } from '../../../shared/settings';
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../lib/context';
import { forbidden, staleVersion } from '../../lib/errors';
import { recordAudit, type AuditChange } from '../audit/audit.service';
import { canEditSettings, canReadSettings } from './settings.policy';
import { selectSettingRows, selectSettingRowsForUpdate, writeSetting, type SettingRow } from './settings.repository';
export { settingsRevisionSql } from './settings-revision.repository';

// The values the first migration seeds; used only if a row has gone missing or holds junk.
const DEFAULTS: Settings = DEFAULT_SETTINGS;
const NAMES = Object.keys(SETTING_KEYS) as SettingName[];

function valueOf(rows: SettingRow[], name: SettingName): number {
  const value = rows.find((row) => row.key === SETTING_KEYS[name])?.value;
  return typeof value === 'number' && Number.isInteger(value) ? value : DEFAULTS[name];
}

// A schedule that no longer parses (edited by hand in the database) falls back to the default.
function alertDaysOf(rows: SettingRow[]): number[] {
  const parsed = ExpiryAlertDaysSchema.safeParse(rows.find((row) => row.key === EXPIRY_ALERT_DAYS_KEY)?.value);
  return parsed.success ? parsed.data : DEFAULTS.expiryAlertDays;
}

function switchOf(rows: SettingRow[], key: string, fallback: boolean): boolean {
  const value = rows.find((row) => row.key === key)?.value;
  return typeof value === 'boolean' ? value : fallback;
}

// The on/off settings, by name.
const SWITCH_KEYS = { digestEnabled: DIGEST_ENABLED_KEY, disseminationFourEyes: DISSEMINATION_FOUR_EYES_KEY } as const;
const SWITCHES = Object.keys(SWITCH_KEYS) as (keyof typeof SWITCH_KEYS)[];

const KEYS: string[] = [...NAMES.map((name) => SETTING_KEYS[name]), EXPIRY_ALERT_DAYS_KEY, ...Object.values(SWITCH_KEYS)];

function toView(rows: SettingRow[]): SettingsView {
  const known = rows.filter((row) => KEYS.includes(row.key));
  const updatedAt = known.reduce<Date | null>((latest, row) => (!latest || row.updatedAt > latest ? row.updatedAt : latest), null);
  return {
    expiryWarningDays: valueOf(rows, 'expiryWarningDays'),
    maxTermYears: valueOf(rows, 'maxTermYears'),
    maxUploadMb: valueOf(rows, 'maxUploadMb'),
    disseminationReminderDays: valueOf(rows, 'disseminationReminderDays'),
    dormantAfterMonths: valueOf(rows, 'dormantAfterMonths'),
    reportCloseDays: valueOf(rows, 'reportCloseDays'),
    digestDay: valueOf(rows, 'digestDay'),
    expiryAlertDays: alertDaysOf(rows),
    digestEnabled: switchOf(rows, DIGEST_ENABLED_KEY, DEFAULTS.digestEnabled),
    disseminationFourEyes: switchOf(rows, DISSEMINATION_FOUR_EYES_KEY, DEFAULTS.disseminationFourEyes),
    version: Math.max(1, ...known.map((row) => row.version)),
    updatedAt: updatedAt ? updatedAt.toISOString() : null,
  };
}

// Other modules read the rules through this (a transaction is a Db too).
export async function getSettings(db: Db): Promise<Settings> {
  const { version: _version, updatedAt: _updatedAt, ...settings } = toView(await selectSettingRows(db));
  return settings;
}

export async function readSettings(ctx: ActorCtx): Promise<SettingsView> {
  if (!canReadSettings(ctx.actor)) throw forbidden();
  return toView(await selectSettingRows(ctx.db));
}

// The settings that are not a bounded number, by name.
const LIST_KEYS: Record<string, string | undefined> = { expiryAlertDays: EXPIRY_ALERT_DAYS_KEY, ...SWITCH_KEYS };

export async function updateSettings(ctx: ActorCtx, input: UpdateSettingsInput): Promise<SettingsView> {
  if (!canEditSettings(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const rows = await selectSettingRowsForUpdate(tx);
    const before = toView(rows);
    if (before.version !== input.version) throw staleVersion();
    const changes: AuditChange[] = NAMES.filter((name) => input[name] !== undefined && input[name] !== before[name]).map((name) => ({
      field: name,
      old: before[name],
      new: input[name],
    }));
    if (input.expiryAlertDays && input.expiryAlertDays.join() !== before.expiryAlertDays.join()) {
      changes.push({ field: 'expiryAlertDays', old: before.expiryAlertDays, new: input.expiryAlertDays });
    }
    for (const name of SWITCHES) {
      const value = input[name];
      if (value !== undefined && value !== before[name]) changes.push({ field: name, old: before[name], new: value });
    }
    if (changes.length === 0) return before;
    const version = before.version + 1;
    for (const change of changes) {
      const key = LIST_KEYS[change.field] ?? SETTING_KEYS[change.field as SettingName];
      await writeSetting(tx, { key, value: change.new, version, updatedAt: ctx.now });
    }
    await recordAudit(tx, { actor: ctx.actor, entity: 'settings', entityId: 'settings', action: 'update', changes, at: ctx.now });
    return toView(await selectSettingRows(tx));
  });
}
