import { describe, expect, it } from 'vitest';
import { findConflicts, looseNumberKey, matchByNumber } from './intake-match.rules';
import type { ExtractedFields } from './extraction/agreement-fields.rules';

const FIELDS: ExtractedFields = { kind: 'PKS', nomorPemda: null, nomorMitra: null, title: null, signedOn: null, startsOn: null, endsOn: null, termMonths: null, scope: null, parties: [] };

describe('matching a scan to the register by number', () => {
  it('reads OCR look-alikes, case, spaces and punctuation as the same number', () => {
    expect(looseNumberKey('I2 / pks / 2O24.')).toBe(looseNumberKey('12/PKS/2024'));
    expect(looseNumberKey('O7|B/S/2OZ1')).toBe(looseNumberKey('07-18/5/2021'));
    expect(looseNumberKey('12/PKS/2024')).not.toBe(looseNumberKey('13/PKS/2024'));
    expect(looseNumberKey(' / ')).toBeNull();
  });

  it('matches either number of the scan against either number of an agreement', () => {
    const register = [
      { id: 'a', title: 'A', numberOurs: '1/PKS/2024', numberPartner: null },
      { id: 'b', title: 'B', numberOurs: null, numberPartner: '45/UNKHAIR/2O24' },
    ];
    expect(matchByNumber({ nomorPemda: '9/X/2020', nomorMitra: '45/unkhair/2024' }, register)?.id).toBe('b');
    expect(matchByNumber({ nomorPemda: 'l/PKS/2024', nomorMitra: null }, register)?.id).toBe('a');
    expect(matchByNumber({ nomorPemda: null, nomorMitra: null }, register)).toBeNull();
  });

  it('names dates, title and partner that disagree, and not what either side leaves empty', () => {
    const register = { title: 'Pengembangan  SDM', signedOn: '2024-01-01', startsOn: null, endsOn: '2027-01-01', partnerNames: ['PT. Bank Maluku, Tbk'] };
    const scan: ExtractedFields = {
      ...FIELDS,
      title: 'pengembangan sdm',
      signedOn: '2024-01-02',
      startsOn: '2024-01-02',
      parties: [{ role: 'PIHAK KEDUA', name: 'Budi', position: 'Direktur', organisation: 'PT Bank Maluku Tbk' }],
    };
    expect(findConflicts(register, scan)).toEqual([{ field: 'signedOn', register: '2024-01-01', scan: '2024-01-02' }]);
    const other = { ...scan, parties: [{ role: 'PIHAK KEDUA' as const, name: 'Ani', position: null, organisation: 'Universitas Khairun' }] };
    expect(findConflicts(register, other)).toContainEqual({ field: 'partner', register: 'PT. Bank Maluku, Tbk', scan: 'Universitas Khairun' });
  });
});
