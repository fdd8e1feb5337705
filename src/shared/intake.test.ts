import { describe, expect, it } from 'vitest';
import { partnerFromParties } from './intake';

describe('the partner a scan names', () => {
  it('is the party that is not the city, whichever side it signs on, its organisation or else its name', () => {
    const city = { role: 'PIHAK PERTAMA' as const, name: 'Dr. M. Tauhid Soleman', position: 'Wali Kota Ternate', organisation: 'Pemerintah Kota Ternate' };
    expect(partnerFromParties([city, { role: 'PIHAK KEDUA', name: 'Prof. Dr. Husen Alting', position: 'Rektor', organisation: 'Universitas Khairun' }])).toBe('Universitas Khairun');
    expect(partnerFromParties([{ role: 'PIHAK PERTAMA', name: 'Dr. Ridha Ajam', position: 'Rektor', organisation: 'Universitas Khairun' }, { ...city, role: 'PIHAK KEDUA' }])).toBe('Universitas Khairun');
    expect(partnerFromParties([{ role: 'PIHAK KEDUA', name: ' Budi Santoso ', position: null, organisation: null }])).toBe('Budi Santoso');
    expect(partnerFromParties([city, { role: 'PIHAK KETIGA', name: 'Ani', position: null, organisation: 'CV Maju' }])).toBe('CV Maju');
  });

  it('is none when only the city was read', () => {
    expect(partnerFromParties([{ role: 'PIHAK PERTAMA', name: 'Pemerintah Kota Ternate', position: null, organisation: null }])).toBeNull();
    expect(partnerFromParties([])).toBeNull();
  });
});
