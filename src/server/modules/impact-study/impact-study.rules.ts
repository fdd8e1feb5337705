// The impact study's narrative, written from the figures in the manner of the article that quoted the
// 2023 survey ("Pada tahun 2020, kerja sama tertinggi dengan pemerintah daerah sebanyak 6 …";
// "… pada item pendidikan dan pendapatan daerah masing-masing sebanyak 4"). Pure: the figures in,
// Indonesian paragraphs (separated by a blank line) out.

export type NarrativeYear = {
  year: number;
  total: number;
  byPartnerGroup: Record<string, number>;
  largestPartnerGroup: string[];
  bySector: Record<string, number>;
  largestSector: string[];
  // Beyond the survey; left out of the sentence when absent.
  inForce?: number;
  planned?: number;
  implemented?: number;
};

export type NarrativeInput = {
  from: number;
  to: number;
  years: NarrativeYear[];
  groupNames: Record<string, string>;
  sectorNames: Record<string, string>;
  // How many sectors the register counts by (13 in the survey).
  sectorCount: number;
};

const number = new Intl.NumberFormat('id-ID');

function count(value: number): string {
  return number.format(value);
}

// "A", "A dan B", "A, B dan C".
export function joinIndonesian(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1] ?? ''}`;
}

function periodOf(input: Pick<NarrativeInput, 'from' | 'to'>): string {
  return input.from === input.to ? `tahun ${String(input.from)}` : `tahun ${String(input.from)} sampai dengan ${String(input.to)}`;
}

// "dengan Swasta sebanyak 10 dokumen" or, tied, "dengan Instansi Pemerintah dan Swasta masing-masing 10 dokumen".
function largestPhrase(codes: string[], counts: Record<string, number>, names: Record<string, string>, prefix: string): string {
  const top = counts[codes[0] ?? ''] ?? 0;
  const named = joinIndonesian(codes.map((code) => `${prefix}${names[code] ?? code}`));
  return codes.length > 1 ? `${named} masing-masing ${count(top)} dokumen` : `${named} sebanyak ${count(top)} dokumen`;
}

function implementationSentence(year: NarrativeYear): string | null {
  if (year.inForce === undefined || year.inForce === 0) return null;
  const planned = year.planned ?? 0;
  const implemented = year.implemented ?? 0;
  return (
    `Dari ${count(year.inForce)} naskah yang berlaku pada tahun itu, ${count(planned)} memiliki rencana kegiatan OPD ` +
    `dan ${count(implemented)} memiliki laporan realisasi terverifikasi.`
  );
}

export function yearParagraph(year: NarrativeYear, input: Pick<NarrativeInput, 'groupNames' | 'sectorNames' | 'sectorCount'>): string {
  const label = String(year.year);
  if (year.total === 0) {
    return [`Pada tahun ${label} tidak tercatat naskah kerja sama yang ditandatangani.`, implementationSentence(year)].filter(Boolean).join(' ');
  }
  const sentences = [`Pada tahun ${label} jumlah kerja sama sebanyak ${count(year.total)} dokumen.`];
  if (year.largestPartnerGroup.length > 0) {
    sentences.push(`Kerja sama tertinggi dengan ${largestPhrase(year.largestPartnerGroup, year.byPartnerGroup, input.groupNames, '')}.`);
  }
  if (year.largestSector.length > 0) {
    sentences.push(
      `Dari ${count(input.sectorCount)} bidang, kerja sama terbanyak pada ${largestPhrase(year.largestSector, year.bySector, input.sectorNames, 'bidang ')}.`,
    );
  }
  const implementation = implementationSentence(year);
  if (implementation) sentences.push(implementation);
  return sentences.join(' ');
}

// The totals of every year in one sentence, as the article opens: "… pada tahun 2020 berjumlah 8;
// pada tahun 2021 berjumlah 27; dan pada tahun 2022 berjumlah 17."
function totalsSentence(input: NarrativeInput): string {
  const parts = input.years.map((year) => `pada tahun ${String(year.year)} berjumlah ${count(year.total)}`);
  const listed = parts.length > 1 ? `${parts.slice(0, -1).join('; ')}; dan ${parts[parts.length - 1] ?? ''}` : (parts[0] ?? '');
  const sum = input.years.reduce((total, year) => total + year.total, 0);
  return (
    `Kajian ini menghitung naskah kerja sama Pemerintah Kota Ternate (Kesepakatan Bersama, Perjanjian Kerja Sama dan Nota Kesepahaman ` +
    `yang telah ditandatangani) ${periodOf(input)}: seluruhnya ${count(sum)} dokumen. Jumlah kerja sama ${listed}.`
  );
}

export function impactNarrative(input: NarrativeInput): string {
  return [totalsSentence(input), ...input.years.map((year) => yearParagraph(year, input))].join('\n\n');
}
