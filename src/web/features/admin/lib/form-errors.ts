import i18next from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../../lib/api';
import { pickLanguage, zodFieldErrors as fieldErrorsOf } from '../../../lib/form-errors';

export type FieldErrors = Partial<Record<string, string>>;

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, kind: 'min' | 'max'): string {
  const limit = Number('minimum' in issue ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') return i18next.t(`admin:errors.${kind}Length`, { count: limit });
  if (issue.origin === 'number') return i18next.t(`admin:errors.${kind}Value`, { value: limit });
  return pickLanguage(issue.message);
}

// Zod's default messages are English only; every rule the admin forms meet gets its own words
// (numbers, e-mail addresses and choices included, which the general form messages do not cover).
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return i18next.t('admin:errors.required');
  if (issue.code === 'invalid_value') return i18next.t('admin:errors.choose');
  if (issue.code === 'too_small') {
    return issue.origin === 'string' && Number(issue.minimum) <= 1 ? i18next.t('admin:errors.required') : sizeMessage(issue, 'min');
  }
  if (issue.code === 'too_big') return sizeMessage(issue, 'max');
  if (issue.code === 'invalid_format' && issue.format === 'email') return i18next.t('admin:errors.email');
  if (issue.code === 'invalid_format' && issue.format === 'uuid') return i18next.t('admin:errors.choose');
  return pickLanguage(issue.message);
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  return fieldErrorsOf(error, issueMessage);
}

// The server names the field it rejects; its message goes under that input when the form has one.
export function apiFieldError(error: unknown, fields: readonly string[]): { field: string; message: string } | null {
  if (!(error instanceof ApiError) || !error.field) return null;
  const field = error.field.split('.')[0] ?? '';
  if (!fields.includes(field)) return null;
  return { field, message: error.localized(i18next.language) };
}
