import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pickLanguage, zodFieldErrors } from './form-errors';

const Schema = z.object({ name: z.string().min(3), tasks: z.array(z.object({ commitment: z.string().min(1).max(5) })) });

function issuesOf(value: unknown): z.ZodError {
  const parsed = Schema.safeParse(value);
  if (parsed.success) throw new Error('expected the value to be refused');
  return parsed.error;
}

describe('zodFieldErrors', () => {
  it('keeps the first problem of each field under its dotted path, in the wording it is given', () => {
    const errors = zodFieldErrors(issuesOf({ name: 'ab', tasks: [{ commitment: 'far too long' }] }), (issue) => issue.code);
    expect(errors).toEqual({ name: 'too_small', 'tasks.0.commitment': 'too_big' });
  });

  it('files a problem of the whole value under form', () => {
    expect(zodFieldErrors(issuesOf(null), () => 'wajib')).toEqual({ form: 'wajib' });
  });
});

describe('pickLanguage', () => {
  it('shows the half of a bilingual message for the current language', () => {
    expect(pickLanguage('wajib diisi / required', 'id')).toBe('wajib diisi');
    expect(pickLanguage('wajib diisi / required', 'en')).toBe('required');
    expect(pickLanguage('hanya satu bahasa', 'en')).toBe('hanya satu bahasa');
  });
});
