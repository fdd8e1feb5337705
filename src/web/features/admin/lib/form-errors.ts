import i18next from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../../lib/api';
import { pickLanguage, type FieldErrors } from '../../../lib/form-errors';

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, kind: 'min' | 'max'): string {
  const limit = Number('minimum' in issue ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') return i18next.t(`admin:errors.${kind}Length`, { count: limit });
  if (issue.origin === 'number') return i18next.t(`admin:errors.${kind}Value`, { value: limit });
  return pickLanguage(issue.message);
}

// Zod's default messages are English only; every rule the admin forms meet gets its own words
// (numbers, e-mail addresses and choices included, which the general form messages do not cover).
export function adminIssueMessage(issue: z.core.$ZodIssue): string {
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

// The server names the field it rejects; its message goes under that input when the form has one
// (otherwise the form shows the whole message above its fields).
export function adminServerErrors(fields: readonly string[]): (error: unknown) => FieldErrors {
  return (error) => {
    if (!(error instanceof ApiError) || !error.field) return {};
    const field = error.field.split('.')[0] ?? '';
    return fields.includes(field) ? { [field]: error.localized(i18next.language) } : {};
  };
}
