import { z } from 'zod';
import { plainText } from './input';
import type { DocType } from './agreement-codes';

// Statistics count signed agreements per signing year. Adenda amend an agreement; they are not new ones.
export const COUNTED_DOC_TYPES = ['KB', 'PKS', 'NK'] as const satisfies readonly DocType[];
export const MAX_STATS_RANGE_YEARS = 50;
export const MIN_STATS_YEAR = 1945;
export const MAX_STATS_YEAR = 2200;

const year = plainText()
  .trim()
  .regex(/^\d{4}$/, 'tahun harus empat angka / a year has four digits')
  .transform(Number)
  .refine((value) => value >= MIN_STATS_YEAR && value <= MAX_STATS_YEAR, `tahun ${MIN_STATS_YEAR}–${MAX_STATS_YEAR} / year out of range`);

// Both ends are optional: without them the range is every year that has data.
export const StatsQuerySchema = z
  .object({ from: year.optional(), to: year.optional() })
  .superRefine((value, context) => {
    if (value.from === undefined || value.to === undefined) return;
    if (value.from > value.to) {
      context.addIssue({ code: 'custom', path: ['from'], message: 'from tidak boleh sesudah to / from must not be after to' });
    } else if (value.to - value.from + 1 > MAX_STATS_RANGE_YEARS) {
      context.addIssue({ code: 'custom', path: ['to'], message: `paling banyak ${MAX_STATS_RANGE_YEARS} tahun / at most ${MAX_STATS_RANGE_YEARS} years` });
    }
  });
export type StatsQuery = z.output<typeof StatsQuerySchema>;

export type StatsYear = {
  year: number;
  total: number;
  // By the primary partner's category and its group; every master-data code appears, zeros included.
  byPartnerGroup: Record<string, number>;
  byPartnerCategory: Record<string, number>;
  // By primary sector.
  bySector: Record<string, number>;
  // Arrays because of ties (2022: pendidikan and pendapatan_daerah, 4 each); empty in a year without agreements.
  largestPartnerGroup: string[];
  largestSector: string[];
};

export type StatsResponse = { from: number; to: number; years: StatsYear[] };
