import type { SheetRow } from '../lib/sheet-files';
import { DEFAULT_UNITS } from '../seed/default-units';
import { DEMO_2020, DEMO_2021 } from './demo-2020-2021';
import { DEMO_2022, DEMO_2023_2026 } from './demo-2022-2026';
import { DEMO_PARTNERS } from './demo-partners';
import type { DemoAgreement } from './demo-spec';

// The demo as a register file: the same 15 columns (plus jenis_ksdd and alasan_jangka_panjang)
// that the division would import, so the demo goes through the import like any real register.

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export type DemoEntry = DemoAgreement & { numberOurs: string; numberPartner: string; startsOn: string; endsOn: string };

// Signing order, so that a parent always comes before its PKS and adenda.
export const DEMO_AGREEMENTS: DemoAgreement[] = [...DEMO_2020, ...DEMO_2021, ...DEMO_2022, ...DEMO_2023_2026].sort((a, b) => a.signed.localeCompare(b.signed));

function endOfTerm(start: string, years: number): string {
  const end = new Date(`${start}T00:00:00Z`);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

// Numbers in the division's style: sequence per year / type / division / month in Roman numerals / year.
export function demoEntries(): DemoEntry[] {
  const perYear = new Map<string, number>();
  return DEMO_AGREEMENTS.map((spec) => {
    const [year = '', month = '1'] = spec.signed.split('-');
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    const roman = ROMAN[Number(month) - 1] ?? 'I';
    const partner = DEMO_PARTNERS[spec.partners[0] ?? 'halbar'];
    return {
      ...spec,
      numberOurs: `${String(sequence).padStart(3, '0')}/${spec.doc}/BKS-TTE/${roman}/${year}`,
      numberPartner: `${partner.abbr}/${spec.doc}/${String(100 + sequence)}/${roman}/${year}`,
      startsOn: spec.signed,
      endsOn: spec.ends ?? endOfTerm(spec.signed, spec.years ?? 5),
    };
  });
}

export function demoTitle(entry: DemoAgreement): string {
  switch (entry.doc) {
    case 'KB':
      return `Kesepakatan Bersama tentang ${entry.about}`;
    case 'NK':
      return `Nota Kesepakatan tentang ${entry.about}`;
    case 'PKS':
      return `Perjanjian Kerja Sama tentang ${entry.about}`;
    case 'ADENDUM':
      return entry.about;
  }
}

export function unitName(shortName: string): string {
  return DEFAULT_UNITS.find((unit) => unit.shortName === shortName)?.name ?? shortName;
}

export function demoSheetRows(entries: DemoEntry[]): SheetRow[] {
  const numberOf = new Map(entries.map((entry) => [entry.key, entry.numberOurs]));
  return entries.map((entry) => ({
    nomor_pemda: entry.numberOurs,
    nomor_mitra: entry.numberPartner,
    judul: demoTitle(entry),
    jenis_dokumen: entry.doc,
    jenis_kerja_sama: entry.kind,
    jenis_ksdd: entry.ksdd ?? '',
    mitra: entry.partners.map((key) => DEMO_PARTNERS[key].name).join('; '),
    kategori_mitra: entry.partners.map((key) => DEMO_PARTNERS[key].category).join('; '),
    bidang: entry.sectors.join('; '),
    opd: entry.units.map(unitName).join('; '),
    tanggal_ttd: entry.signed,
    tanggal_mulai: entry.startsOn,
    tanggal_berakhir: entry.endsOn,
    ruang_lingkup: entry.scope,
    induk: entry.parent ? (numberOf.get(entry.parent) ?? entry.parent) : '',
    nilai: entry.value ?? '',
    alasan_jangka_panjang: entry.longTermReason ?? '',
  }));
}
