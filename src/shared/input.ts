import { z } from 'zod';

// The building blocks every contract uses for text, whole numbers and dates, so a value the
// database cannot hold is refused at the door with a message naming the field, not by PostgreSQL.

// PostgreSQL `integer` (int4): versions, counts and other integer columns.
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const NUL = /\u0000/;
// Half of a UTF-16 surrogate pair has no UTF-8 form; jsonb refuses it (\ud800) outright.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type UnstorableKind = 'nul' | 'surrogate';

export const UNSTORABLE_MESSAGES: Record<UnstorableKind, { id: string; en: string }> = {
  nul: { id: 'karakter NUL tidak diizinkan', en: 'NUL character not allowed' },
  surrogate: { id: 'karakter Unicode tidak utuh', en: 'broken Unicode character (lone surrogate)' },
};

export function unstorableKind(value: string): UnstorableKind | null {
  if (NUL.test(value)) return 'nul';
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  return null;
}

export type UnstorableValue = { path: string; kind: UnstorableKind | 'integer' };

// Walks a parsed body, query or params object for the first value no column can store. Integers
// are only checked where they are certain to be wrong for any column (beyond a safe integer);
// the int4 range is the schema's job, since some numbers (amounts) are legitimately larger.
export function findUnstorable(value: unknown, path = ''): UnstorableValue | null {
  if (typeof value === 'string') {
    const kind = unstorableKind(value);
    return kind ? { path, kind } : null;
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) && !Number.isSafeInteger(value) ? { path, kind: 'integer' } : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    const keyKind = unstorableKind(key);
    const where = path ? `${path}.${key}` : key;
    if (keyKind) return { path: where, kind: keyKind };
    const found = findUnstorable(item, where);
    if (found) return found;
  }
  return null;
}

function storable(value: string): boolean {
  return unstorableKind(value) === null;
}

// The one string schema for text a person types: everything z.string() does, minus the characters
// PostgreSQL cannot keep (NUL in text, lone surrogates in jsonb audit rows).
export function plainText() {
  return z.string().refine(storable, {
    error: (issue) => {
      const kind = typeof issue.input === 'string' ? (unstorableKind(issue.input) ?? 'nul') : 'nul';
      return `${UNSTORABLE_MESSAGES[kind].id} / ${UNSTORABLE_MESSAGES[kind].en}`;
    },
  });
}

// A whole number that fits a PostgreSQL integer column.
export function int4() {
  return z.number().int().min(INT4_MIN).max(INT4_MAX);
}

// The optimistic-lock version every editable row carries.
export const versionSchema = z.number().int().positive().max(INT4_MAX);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// True only for a calendar day that exists; never throws (new Date('x').toISOString() does).
export function isRealIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

// A legal date (signing, start, end, held on) as YYYY-MM-DD.
export const isoDate = z
  .string()
  .regex(ISO_DATE, { error: 'format tanggal YYYY-MM-DD / date format YYYY-MM-DD', abort: true })
  .refine(isRealIsoDate, 'tanggal tidak ada / no such date');
