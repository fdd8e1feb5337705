import i18next from 'i18next';
import type { z } from 'zod';
import { ApiError } from './api';

export type FieldErrors = Record<string, string>;

// Shared schema messages are written "Indonesian / English": show the half for the current language.
export function pickLanguage(message: string, language = i18next.language): string {
  const halves = message.split(' / ');
  if (halves.length !== 2) return message;
  return (language.startsWith('en') ? halves[1] : halves[0]) ?? message;
}

// Plain words for the commonest problems; the schema's own message (often bilingual) otherwise.
// A form with its own words for one field falls back on these for the rest.
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') return i18next.t('common:form.required');
  if (issue.code === 'too_small' && issue.origin === 'string') return i18next.t('common:form.minLength', { count: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'string') return i18next.t('common:form.maxLength', { count: Number(issue.maximum) });
  return pickLanguage(issue.message);
}

// The first problem of each field, under its dotted path; a form family with its own wording
// (the admin forms) passes its own messageOf.
export function zodFieldErrors(error: z.ZodError, messageOf: (issue: z.core.$ZodIssue) => string = issueMessage): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    errors[key] ??= messageOf(issue);
  }
  return errors;
}

// The server names the field it rejects; the message goes under that input.
export function apiFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  const localized = error.localized(i18next.language);
  if (error.field && error.issues.length <= 1) {
    errors[error.field] = localized;
    return errors;
  }
  for (const issue of error.issues) errors[issue.path] ??= pickLanguage(issue.message);
  if (error.field) errors[error.field] ??= localized;
  return errors;
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'STALE';
}
