import type { DocType } from '../../src/shared/agreement-codes';
import type { Party } from '../../src/server/modules/intake/extraction/agreement-parties.rules';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../../src/server/modules/intake/extraction/indonesian-dates.rules';
import { spellIndonesianNumber } from '../../src/server/modules/intake/extraction/indonesian-numbers.rules';
import { endOfTerm } from '../../src/server/modules/proposals/signing/signing.rules';
import { CITY_SIGNERS, type FixturePartner, PARTNERS, SUBJECTS } from './scan-fixture-data';

// The same seeded generator as the benchmark's data (mulberry32).
import { seededRandom } from '../../bench/generate';

export { seededRandom };
export { renderScanPdf } from './scan-pdf';

// Agreement texts as Ternate's archive holds them, in varied layouts, with the fields they carry:
// the extraction tests read them as text or as rendered scans and compare with `truth`.

export type ScanTruth = {
  kind: DocType;
  nomorPemda: string;
  nomorMitra: string;
  title: string;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  termMonths: number;
  parties: Party[];
};
export type ScanLayout = { numbers: 'after-parties' | 'labelled' | 'after-title'; date: 'spelled' | 'numeric' | 'signature'; parties: 'labelled' | 'inline'; pages: 1 | 2 };
export type ScanFixture = { pages: string[]; truth: ScanTruth; layout: ScanLayout };

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const KIND_HEADINGS: Record<DocType, string> = { KB: 'KESEPAKATAN BERSAMA', PKS: 'PERJANJIAN KERJA SAMA', NK: 'NOTA KESEPAKATAN', ADENDUM: 'ADENDUM PERTAMA\nPERJANJIAN KERJA SAMA' };
const KIND_NAMES: Record<DocType, string> = { KB: 'Kesepakatan Bersama', PKS: 'Perjanjian Kerja Sama', NK: 'Nota Kesepakatan', ADENDUM: 'Adendum' };
const DOC_CODES: Record<DocType, string> = { KB: 'KSB', PKS: 'PKS', NK: 'NK', ADENDUM: 'ADD' };
const CITY = { organisation: 'Pemerintah Kota Ternate', heading: 'PEMERINTAH KOTA TERNATE' };

function isoDay(random: Random): string {
  const date = new Date(Date.UTC(2020, 0, 1) + between(random, 0, 6 * 365) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function parts(iso: string) {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day, weekday: WEEKDAY_NAMES[new Date(`${iso}T00:00:00Z`).getUTCDay()]! };
}

function numericDate(random: Random, iso: string): string {
  const { year, month, day } = parts(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return pick(random, [`${day} ${MONTH_NAMES[month - 1]} ${year}`, `${pad(day)}-${pad(month)}-${year}`, `${pad(day)}/${pad(month)}/${year}`]);
}

function spelledDate(iso: string): string {
  const { year, month, day, weekday } = parts(iso);
  return `Pada hari ini ${weekday} tanggal ${spellIndonesianNumber(day)} bulan ${MONTH_NAMES[month - 1]} tahun ${spellIndonesianNumber(year)}`;
}

type Draft = { random: Random; kind: DocType; partner: FixturePartner; city: (typeof CITY_SIGNERS)[number]; truth: ScanTruth; layout: ScanLayout; scope: string[] };

function heading(draft: Draft): string[] {
  const { truth, layout, partner } = draft;
  const cityFirst = !partner.signsFirst;
  const sides = cityFirst ? [[CITY.heading, truth.nomorPemda], [partner.heading, truth.nomorMitra]] : [[partner.heading, truth.nomorMitra], [CITY.heading, truth.nomorPemda]];
  const label = draft.random() < 0.5 ? 'Nomor' : 'NOMOR';
  const numberLines = sides.map(([, number]) => `${label} : ${number}`);
  const lines = [KIND_HEADINGS[draft.kind], 'ANTARA'];
  if (layout.numbers === 'labelled') lines.push(sides[0]![0]!, numberLines[0]!, 'DENGAN', sides[1]![0]!, numberLines[1]!);
  else lines.push(sides[0]![0]!, 'DENGAN', sides[1]![0]!);
  if (layout.numbers === 'after-parties') lines.push(...numberLines);
  lines.push('TENTANG', truth.title, '');
  if (layout.numbers === 'after-title') lines.push(...numberLines, '');
  return lines;
}

function partyBlock(draft: Draft, party: Party, index: number): string[] {
  const marker = draft.layout.parties === 'labelled' ? ['I.', 'II.'][index]! : `${index + 1}.`;
  const acting = `dalam hal ini bertindak untuk dan atas nama ${party.organisation ?? ''}, selanjutnya disebut ${party.role}.`;
  if (draft.layout.parties === 'inline') return [`${marker} ${party.name} : ${party.position ?? ''}, ${acting}`];
  return [`${marker} Nama : ${party.name}`, `Jabatan : ${party.position ?? ''}`, acting];
}

function preamble(draft: Draft): string[] {
  const { signedOn } = draft.truth;
  const opening =
    draft.layout.date === 'spelled'
      ? `${spelledDate(signedOn)}, bertempat di Ternate, kami yang bertanda tangan di bawah ini:`
      : draft.layout.date === 'numeric'
        ? `Pada hari ini ${parts(signedOn).weekday}, tanggal ${numericDate(draft.random, signedOn)}, bertempat di Ternate, yang bertanda tangan di bawah ini:`
        : 'Yang bertanda tangan di bawah ini:';
  return [opening, ...draft.truth.parties.flatMap((party, index) => partyBlock(draft, party, index)), ''];
}

function body(draft: Draft): string[][] {
  const { truth, kind } = draft;
  const name = KIND_NAMES[kind];
  const years = truth.termMonths % 12 === 0 ? truth.termMonths / 12 : null;
  const term = years ? `jangka waktu ${years} (${spellIndonesianNumber(years)}) tahun` : `selama ${truth.termMonths} (${spellIndonesianNumber(truth.termMonths)}) bulan`;
  const start = truth.startsOn === truth.signedOn ? 'sejak tanggal ditandatangani' : `terhitung mulai tanggal ${numericDate(draft.random, truth.startsOn)}`;
  const intro = kind === 'ADENDUM' ? ['PARA PIHAK sepakat mengubah ketentuan jangka waktu Perjanjian Kerja Sama yang telah ditandatangani sebelumnya, dengan ketentuan sebagai berikut:'] : [`PARA PIHAK sepakat mengikatkan diri dalam ${name} dengan ketentuan sebagai berikut:`];
  const first = [
    ...intro,
    'Pasal 1',
    `Maksud ${name} ini adalah sebagai pedoman bagi PARA PIHAK dalam melaksanakan kerja sama sesuai tugas dan fungsi masing-masing.`,
    'Pasal 2',
    `Ruang lingkup ${name} ini meliputi: ${draft.scope.map((item, index) => `${'abc'[index]}. ${item};`).join(' ')}`,
    '',
  ];
  const second = [
    'Pasal 3',
    `${name} ini berlaku untuk ${term} ${start} dan dapat diperpanjang atas kesepakatan PARA PIHAK.`,
    'Pasal 4',
    `Hal-hal yang belum diatur dalam ${name} ini akan diatur kemudian oleh PARA PIHAK.`,
    '',
  ];
  return [first, second];
}

function signatures(draft: Draft): string[] {
  const place = draft.layout.date === 'signature' ? [`Ditandatangani di Ternate pada tanggal ${numericDate(draft.random, draft.truth.signedOn)}`, ''] : [];
  const [first, second] = draft.truth.parties as [Party, Party];
  return [...place, `${first.role}\t${second.role}`, `${first.position ?? ''}\t${second.position ?? ''}`, '', '', `${first.name}\t${second.name}`];
}

function draftOf(random: Random): Draft {
  const kind = pick(random, ['KB', 'PKS', 'NK', 'ADENDUM'] as const);
  const partner = pick(random, PARTNERS);
  const city = pick(random, CITY_SIGNERS);
  const signedOn = isoDay(random);
  const year = parts(signedOn).year;
  const month = parts(signedOn).month;
  // Half the city's numbers lack the BKS-TTE code, so the label and party-order rules are exercised.
  const nomorPemda = random() < 0.5 ? `${String(between(random, 1, 99)).padStart(3, '0')}/${DOC_CODES[kind]}/BKS-TTE/${ROMAN[month - 1]}/${year}` : `${pick(random, ['180', '415.4', '119'])}/${between(random, 1, 60)}/${DOC_CODES[kind]}/${year}`;
  const startsOn = random() < 0.3 ? `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01` : signedOn;
  const termMonths = random() < 0.6 ? 12 * between(random, 1, 5) : pick(random, [6, 18, 24, 30, 36]);
  const cityParty: Party = { role: 'PIHAK PERTAMA', name: city.signer, position: city.position, organisation: CITY.organisation };
  const partnerParty: Party = { role: 'PIHAK PERTAMA', name: partner.signer, position: partner.position, organisation: partner.organisation };
  const ordered = partner.signsFirst ? [partnerParty, cityParty] : [cityParty, partnerParty];
  const parties = ordered.map((party, index): Party => ({ ...party, role: index === 0 ? 'PIHAK PERTAMA' : 'PIHAK KEDUA' }));
  const subject = pick(random, SUBJECTS);
  const truth: ScanTruth = { kind, nomorPemda, nomorMitra: partner.number(between(random, 10, 999), year), title: subject.title, signedOn, startsOn, endsOn: endOfTerm(startsOn, termMonths), termMonths, parties };
  const layout: ScanLayout = {
    numbers: pick(random, ['after-parties', 'labelled', 'after-title'] as const),
    date: pick(random, ['spelled', 'spelled', 'numeric', 'signature'] as const),
    parties: pick(random, ['labelled', 'inline'] as const),
    pages: random() < 0.25 ? 2 : 1,
  };
  return { random, kind, partner, city, truth, layout, scope: subject.scope };
}

// Lines broken as on the printed page, so the text breaks mid-sentence as OCR output does.
const LINE_WIDTH = 84;

function wrap(line: string): string[] {
  if (line.length <= LINE_WIDTH || line.includes('\t')) return [line];
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + word.length + 1 > LINE_WIDTH) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...lines, current];
}

// One generated agreement; `seed` picks its kind, partner, layout and dates.
export function generateAgreementText(seed: number): ScanFixture {
  const draft = draftOf(seededRandom(seed));
  const [first, second] = body(draft);
  const opening = [...heading(draft), ...preamble(draft), ...first!];
  const closing = [...second!, ...signatures(draft)];
  const pages = draft.layout.pages === 2 ? [opening, closing] : [[...opening, ...closing]];
  return { pages: pages.map((lines) => lines.flatMap(wrap).join('\n')), truth: draft.truth, layout: draft.layout };
}

export function generateAgreementTexts(input: { count: number; seed: number }): ScanFixture[] {
  return Array.from({ length: input.count }, (_, index) => generateAgreementText(input.seed * 1000 + index));
}
