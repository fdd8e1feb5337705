import { describe, expect, it } from 'vitest';
import type { ExtractedFields } from '../../../../shared/intake';
import { emptyFormValues } from './form-values';
import { formValuesFromScan } from './scan-values';

const fields: ExtractedFields = {
  kind: 'PKS',
  nomorPemda: '21/PKS/2026',
  nomorMitra: null,
  title: 'Layanan Kredit Usaha Rakyat',
  signedOn: '2026-03-02',
  startsOn: null,
  endsOn: '2028-03-01',
  termMonths: 24,
  scope: null,
  parties: [
    { role: 'PIHAK PERTAMA', name: 'M. Tauhid Soleman', position: 'Wali Kota Ternate', organisation: 'Pemerintah Kota Ternate' },
    { role: 'PIHAK KEDUA', name: 'Rina Hasan', position: 'Direktur', organisation: 'PT Bank Maluku Malut' },
  ],
};

describe('a form prefilled from a scan', () => {
  it('fills what the scan proposes and names those fields, leaving the rest as they were', () => {
    const current = { ...emptyFormValues(), purpose: 'Tujuan yang sudah diketik', startsOn: '' };
    const { values, filled, partner } = formValuesFromScan(fields, current);
    expect(values).toMatchObject({ docType: 'PKS', numberOurs: '21/PKS/2026', numberPartner: '', title: 'Layanan Kredit Usaha Rakyat', signedOn: '2026-03-02', endsOn: '2028-03-01', purpose: 'Tujuan yang sudah diketik' });
    // Suggested, not added: the person picks the registered partner or adds it with its category.
    expect(partner).toBe('PT Bank Maluku Malut');
    expect(values.partners).toEqual([]);
    expect(filled.sort()).toEqual(['endsOn', 'kind', 'nomorPemda', 'parties', 'signedOn', 'title']);
  });


});
