import { describe, expect, it } from 'vitest';
import type { SavePackageInput } from '../../../../shared/dissemination';
import { prefillSummary } from './prefill';

const empty: SavePackageInput = { summaryWhat: '', summaryWithWhom: '', summaryUntil: '', summaryWhy: '', tasks: [], opportunities: [], publicDocumentIds: [] };
const partners = [
  { id: 'p1', name: 'PT Bank Pembangunan Daerah Maluku Malut', categoryCode: 'bumd', groupCode: 'badan_usaha' },
  { id: 'p2', name: 'Universitas Khairun', categoryCode: 'ptn', groupCode: 'perguruan_tinggi' },
];

describe('the dissemination summary prefill', () => {
  it('starts "Dengan siapa" and "Sampai kapan" from the register', () => {
    const value = prefillSummary(empty, { partners, endsOn: '2028-12-31' }, { language: 'id', untilWord: 'Sampai' });
    expect(value.summaryWithWhom).toBe('PT Bank Pembangunan Daerah Maluku Malut; Universitas Khairun');
    expect(value.summaryUntil).toBe('Sampai 31 Desember 2028');
  });

  it('keeps what the division already wrote and leaves the end empty when the register has none', () => {
    const value = prefillSummary({ ...empty, summaryWithWhom: 'Bank daerah' }, { partners, endsOn: null }, { language: 'id', untilWord: 'Sampai' });
    expect(value.summaryWithWhom).toBe('Bank daerah');
    expect(value.summaryUntil).toBe('');
  });
});
