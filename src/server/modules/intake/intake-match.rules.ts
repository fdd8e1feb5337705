import { agreementNumberKey } from '../../../shared/agreement-number';
import { normalizePartnerName } from '../../../shared/partner-name';
import type { ExtractedFields } from './extraction/agreement-fields.rules';

// How a scan is tied to the register: by its number, read loosely, since OCR confuses letters
// and digits that look alike and drops or adds punctuation and spaces.

const OCR_LOOK_ALIKES: Record<string, string> = { o: '0', i: '1', l: '1', '|': '1', s: '5', b: '8', z: '2' };

// agreementNumberKey (case, spaces, script look-alikes) plus OCR's look-alikes folded one way,
// then everything but letters and digits removed: "I2/PKS/2O24" and "12 / pks / 2024" meet.
export function looseNumberKey(number: string | null | undefined): string | null {
  const key = agreementNumberKey(number);
  if (key === null) return null;
  const loose = key.replace(/[oilsbz|]/g, (letter) => OCR_LOOK_ALIKES[letter] ?? letter).replace(/[^\p{L}\p{N}]+/gu, '');
  return loose === '' ? null : loose;
}

export type NumberedAgreement = { id: string; title: string; numberOurs: string | null; numberPartner: string | null };

// The first agreement either of whose numbers meets either number of the scan.
export function matchByNumber(fields: Pick<ExtractedFields, 'nomorPemda' | 'nomorMitra'>, agreements: NumberedAgreement[]): NumberedAgreement | null {
  const wanted = new Set([looseNumberKey(fields.nomorPemda), looseNumberKey(fields.nomorMitra)].filter((key) => key !== null));
  if (wanted.size === 0) return null;
  return agreements.find((agreement) => [agreement.numberOurs, agreement.numberPartner].some((number) => wanted.has(looseNumberKey(number) ?? ''))) ?? null;
}

export type { IntakeConflictField as ConflictField, IntakeConflict } from '../../../shared/intake';
import type { IntakeConflict } from '../../../shared/intake';
export type RegisterSide = { title: string; signedOn: string | null; startsOn: string | null; endsOn: string | null; partnerNames: string[] };

function sameTitle(a: string, b: string): boolean {
  const norm = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

// PIHAK KEDUA is the partner in Ternate's agreements; its organisation when the text names one.
function partnerOf(fields: ExtractedFields): string | null {
  const second = fields.parties.find((party) => party.role === 'PIHAK KEDUA');
  return second ? (second.organisation ?? second.name) : null;
}

// Where the scan and the register disagree. A field either side leaves empty is no conflict: the
// register's empty field may be filled from the scan on accepting it.
export function findConflicts(register: RegisterSide, fields: ExtractedFields): IntakeConflict[] {
  const conflicts: IntakeConflict[] = [];
  for (const field of ['signedOn', 'startsOn', 'endsOn'] as const) {
    const scan = fields[field];
    const held = register[field];
    if (scan && held && scan !== held) conflicts.push({ field, register: held, scan });
  }
  if (fields.title && !sameTitle(register.title, fields.title)) conflicts.push({ field: 'title', register: register.title, scan: fields.title });
  const partner = partnerOf(fields);
  if (partner && register.partnerNames.length > 0 && !register.partnerNames.some((name) => normalizePartnerName(name) === normalizePartnerName(partner))) {
    conflicts.push({ field: 'partner', register: register.partnerNames.join('; '), scan: partner });
  }
  return conflicts;
}
