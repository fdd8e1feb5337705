import { z } from 'zod';
import { MAX_UPLOAD_BYTES_CEILING } from './limits';
import { versionSchema } from './input';

// Tunable rules an admin changes without a new release (domain.md: keep every deadline as data).
export const SETTING_LIMITS = {
  expiryWarningDays: { min: 1, max: 730 },
  maxTermYears: { min: 1, max: 50 },
  maxUploadMb: { min: 1, max: MAX_UPLOAD_BYTES_CEILING / (1024 * 1024) },
  disseminationReminderDays: { min: 1, max: 90 },
  dormantAfterMonths: { min: 1, max: 60 },
  reportCloseDays: { min: 0, max: 180 },
  // The day of the month from which the monthly digest for the month before goes out (28: every month has it).
  digestDay: { min: 1, max: 28 },
} as const;

// The numeric settings; the alert schedule below is a list.
export type SettingName = keyof typeof SETTING_LIMITS;

// Days before an agreement's end when its expiry alerts go out (issue 11: 180/90/60/30/7/0).
export const EXPIRY_ALERT_DAYS_KEY = 'expiry_alert_days';
export const EXPIRY_ALERT_DAYS_LIMITS = { min: 0, max: 730, maxStages: 12 } as const;
export const ExpiryAlertDaysSchema = z
  .array(z.number().int().min(EXPIRY_ALERT_DAYS_LIMITS.min).max(EXPIRY_ALERT_DAYS_LIMITS.max))
  .min(1, 'paling sedikit satu hari / at least one day')
  .max(EXPIRY_ALERT_DAYS_LIMITS.maxStages)
  .refine((days) => new Set(days).size === days.length, 'hari ganda / a day is listed twice')
  .transform((days) => [...days].sort((a, b) => b - a));

// The database key of each setting.
export const SETTING_KEYS: Record<SettingName, string> = {
  expiryWarningDays: 'expiry_warning_days',
  maxTermYears: 'max_term_years',
  maxUploadMb: 'max_upload_mb',
  // Days an OPD has to acknowledge a published dissemination package before it is reminded.
  disseminationReminderDays: 'dissemination_reminder_days',
  // Months an agreement in force may go without a plan or a verified realisation before it counts as dormant.
  dormantAfterMonths: 'dormant_after_months',
  // Days after a monitoring period's last day that its realisation reports may still be written.
  reportCloseDays: 'report_close_days',
  digestDay: 'digest_day',
};

// Whether the pimpinan receive the monthly digest by e-mail (issue 12 item 4).
export const DIGEST_ENABLED_KEY = 'digest_enabled';

// Whether publishing a dissemination package needs a second person's approval (issue 14, four eyes).
export const DISSEMINATION_FOUR_EYES_KEY = 'dissemination_four_eyes';

const bounded = (name: SettingName) => z.number().int().min(SETTING_LIMITS[name].min).max(SETTING_LIMITS[name].max);

export const UpdateSettingsSchema = z
  .object({
    expiryWarningDays: bounded('expiryWarningDays').optional(),
    maxTermYears: bounded('maxTermYears').optional(),
    maxUploadMb: bounded('maxUploadMb').optional(),
    disseminationReminderDays: bounded('disseminationReminderDays').optional(),
    dormantAfterMonths: bounded('dormantAfterMonths').optional(),
    reportCloseDays: bounded('reportCloseDays').optional(),
    digestDay: bounded('digestDay').optional(),
    expiryAlertDays: ExpiryAlertDaysSchema.optional(),
    digestEnabled: z.boolean().optional(),
    disseminationFourEyes: z.boolean().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsSchema>;

export type Settings = {
  expiryWarningDays: number;
  maxTermYears: number;
  maxUploadMb: number;
  disseminationReminderDays: number;
  dormantAfterMonths: number;
  reportCloseDays: number;
  digestDay: number;
  // Descending, distinct.
  expiryAlertDays: number[];
  digestEnabled: boolean;
  disseminationFourEyes: boolean;
};

// What holds until the division changes a setting (the server), or until the settings arrive (the web).
export const DEFAULT_SETTINGS: Settings = { expiryWarningDays: 180, maxTermYears: 5, maxUploadMb: 25, disseminationReminderDays: 7, dormantAfterMonths: 6, reportCloseDays: 30, digestDay: 1, expiryAlertDays: [180, 90, 60, 30, 7, 0], digestEnabled: true, disseminationFourEyes: false };

// `version` covers the whole set: any change to any setting moves it on.
export type SettingsView = Settings & { version: number; updatedAt: string | null };
