import { describe, expect, it } from 'vitest';
import { findUnstorable, int4, isoDate, isRealIsoDate, plainText, unstorableKind, versionSchema } from './input';

describe('shared input building blocks', () => {
  it('tells a real calendar day from anything else without throwing', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    for (const value of ['x', '', '2023-02-29', '2026-13-01', '0000-00-00', '9999-99-99', '2026-1-1']) {
      expect(() => isRealIsoDate(value)).not.toThrow();
      expect(isRealIsoDate(value)).toBe(false);
    }
    expect(isoDate.safeParse('x').success).toBe(false);
    expect(isoDate.safeParse('2026-02-30').error?.issues[0]?.message).toBe('tanggal tidak ada / no such date');
  });

  it('refuses NUL and lone surrogates but keeps whole emoji and Indonesian text', () => {
    expect(unstorableKind('a\u0000b')).toBe('nul');
    expect(unstorableKind('\ud800')).toBe('surrogate');
    expect(unstorableKind('x\udc00')).toBe('surrogate');
    expect(unstorableKind('Kerja sama 🤝 Ternate')).toBeNull();
    expect(plainText().safeParse('a\u0000').error?.issues[0]?.message).toBe('karakter NUL tidak diizinkan / NUL character not allowed');
    expect(plainText().trim().min(2).safeParse('  Dinas Pariwisata ').data).toBe('Dinas Pariwisata');
  });

  it('finds the first unstorable value with its path, keys included', () => {
    expect(findUnstorable({ a: [{ b: 'ok' }, { c: 'x\ud800' }] })).toEqual({ path: 'a.1.c', kind: 'surrogate' });
    expect(findUnstorable({ ['k\u0000']: 1 })).toEqual({ path: 'k\u0000', kind: 'nul' });
    expect(findUnstorable({ n: 2 ** 60 })).toEqual({ path: 'n', kind: 'integer' });
    expect(findUnstorable({ amount: 1e12, text: 'biasa' })).toBeNull();
  });

  it('keeps integers and versions inside a PostgreSQL integer', () => {
    expect(versionSchema.safeParse(2_147_483_647).success).toBe(true);
    expect(versionSchema.safeParse(2_147_483_648).success).toBe(false);
    expect(int4().safeParse(-2_147_483_649).success).toBe(false);
  });
});
