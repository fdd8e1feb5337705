import { get } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resolveSchema } from './use-schema-form';

const Schema = z.object({
  title: z.string().min(5),
  partners: z.array(z.object({ name: z.string().min(2) })).min(2),
});
type Values = { title: string; partners: { name: string }[] };

const options = { schema: Schema, defaultValues: { title: '', partners: [] } as Values, messageOf: (issue: z.core.$ZodIssue) => issue.code };

describe('resolveSchema', () => {
  it('gives the body the schema made when the values pass', () => {
    const result = resolveSchema({ ...options, toBody: (values: Values) => ({ ...values, title: values.title.trim() }) }, { title: '  Beasiswa taruna  ', partners: [{ name: 'PT A' }, { name: 'PT B' }] });
    expect(result).toEqual({ values: { title: 'Beasiswa taruna', partners: [{ name: 'PT A' }, { name: 'PT B' }] }, errors: {} });
  });

  it('puts each message under the dotted path of the body, a list\'s own message beside its items\'', () => {
    const { errors } = resolveSchema(options, { title: 'abc', partners: [{ name: 'x' }] });
    expect(get(errors, 'title.message')).toBe('too_small');
    expect(get(errors, 'partners.0.name.message')).toBe('too_small');
    expect(get(errors, 'partners.root.message')).toBe('too_small');
  });

  it('adds the checks the schema cannot make, without hiding the schema\'s own message', () => {
    const check = () => ({ title: 'taken', 'partners.1.name': 'twice' });
    const { errors } = resolveSchema({ ...options, check }, { title: 'abc', partners: [{ name: 'PT A' }, { name: 'PT A' }] });
    expect(get(errors, 'title.message')).toBe('too_small');
    expect(get(errors, 'partners.1.name.message')).toBe('twice');
  });
});
