import { BENEFICIARY_GROUPS, FUND_SOURCES } from '../../shared/realisation';
import { EVALUATION_BANDS } from '../../shared/evaluation';
import { localDate, type Ctx } from '../lib/context';
import { lastAgreementChangeAt } from '../modules/agreements/agreements.service';
import { finalBandCountsByYear, lastFinalisedAt } from '../modules/evaluation/evaluation.service';
import { lastPlanChangeAt, plannedAgreementCountsByYear } from '../modules/plans/plans.service';
import { lastVerifiedAt, verifiedTotalsByYear } from '../modules/realisation/realisation-totals.service';
import { inForceCountsByYear, signedCountCells } from '../modules/stats/stats.service';
import type { OpenColumn, OpenValue } from './open-data';
import type { OpenDataset } from './open-data-stats';

// Implementation and impact as open data, one row per year: sums and counts only, each read from
// the module that owns it. Beneficiaries and funds come from verified realisation reports, by the
// year of the report's period; evaluations by the year of their period.
const GROUP_NAMES: Record<(typeof BENEFICIARY_GROUPS)[number], string> = {
  umkm: 'UMKM',
  pedagang: 'pedagang',
  pelajar_mahasiswa: 'pelajar dan mahasiswa',
  warga: 'warga',
  asn: 'ASN',
  lainnya: 'kelompok lain',
};

export const IMPACT_COLUMNS: readonly OpenColumn[] = [
  { name: 'tahun', description: 'Tahun.' },
  { name: 'naskah_berlaku', description: 'Naskah (KB, PKS, NK) yang berlaku pada suatu waktu dalam tahun itu.' },
  { name: 'naskah_dengan_rencana_kegiatan', description: 'Naskah yang memiliki rencana kegiatan OPD untuk tahun anggaran itu.' },
  { name: 'naskah_dengan_laporan_terverifikasi', description: 'Naskah yang memiliki laporan realisasi terverifikasi untuk periode dalam tahun itu.' },
  ...BENEFICIARY_GROUPS.map((group) => ({ name: `penerima_manfaat_${group}`, description: `Jumlah penerima manfaat ${GROUP_NAMES[group]} menurut laporan realisasi terverifikasi.` })),
  ...FUND_SOURCES.map((source) => ({ name: `dana_${source.toLowerCase()}`, description: `Dana terealisasi bersumber ${source === 'lainnya' ? 'lain' : source} (rupiah) menurut laporan realisasi terverifikasi.` })),
  ...EVALUATION_BANDS.map((band) => ({ name: `evaluasi_${band}`, description: `Evaluasi akhir dengan predikat ${band} (evaluasi akhir terakhir per naskah dan periode).` })),
];

function newest(dates: (Date | null)[]): Date | null {
  const times = dates.filter((date): date is Date => date !== null).map((date) => date.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

// From the first year with a signed agreement to this year (Ternate's calendar).
async function yearsCovered(ctx: Ctx): Promise<{ from: number; to: number }> {
  const to = Number(localDate(ctx.now).slice(0, 4));
  const { cells } = await signedCountCells(ctx);
  const first = Math.min(to, ...cells.map((cell) => cell.year));
  return { from: first, to };
}

export async function impactDataset(ctx: Ctx): Promise<OpenDataset> {
  const years = await yearsCovered(ctx);
  const [inForce, planned, verified, bands, ...changes] = await Promise.all([
    inForceCountsByYear(ctx, years),
    plannedAgreementCountsByYear(ctx, years),
    verifiedTotalsByYear(ctx, years),
    finalBandCountsByYear(ctx.db),
    lastAgreementChangeAt(ctx.db),
    lastPlanChangeAt(ctx),
    lastVerifiedAt(ctx),
    lastFinalisedAt(ctx.db),
  ]);
  const rows: Record<string, OpenValue>[] = [];
  for (let year = years.from; year <= years.to; year += 1) {
    const totals = verified.get(year);
    const tally = bands.get(year);
    rows.push({
      tahun: year,
      naskah_berlaku: inForce.get(year) ?? 0,
      naskah_dengan_rencana_kegiatan: planned.get(year) ?? 0,
      naskah_dengan_laporan_terverifikasi: totals?.agreements ?? 0,
      ...Object.fromEntries(BENEFICIARY_GROUPS.map((group) => [`penerima_manfaat_${group}`, totals?.beneficiaries[group] ?? 0])),
      ...Object.fromEntries(FUND_SOURCES.map((source) => [`dana_${source.toLowerCase()}`, Number(totals?.funds[source] ?? 0)])),
      ...Object.fromEntries(EVALUATION_BANDS.map((band) => [`evaluasi_${band}`, tally?.[band] ?? 0])),
    });
  }
  return { rows, modified: newest(changes), years };
}
