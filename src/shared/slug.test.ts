import { describe, expect, it } from 'vitest';
import { agreementIdPrefixFromSlug, agreementSlug } from './slug';

describe('agreementSlug', () => {
  const id = '3F2A9C1B-77aa-4b7e-9c0d-123456789abc';

  it('keeps lowercase ascii words of the title and the first 8 hex characters of the id', () => {
    expect(agreementSlug(id, 'Perjanjian Kerja Sama: Bank Maluku–Malut (Pembiayaan UMKM)')).toBe(
      'perjanjian-kerja-sama-bank-maluku-malut-pembiayaan-umkm-3f2a9c1b',
    );
  });

  it('drops accents and stops at whole words within 60 characters', () => {
    const slug = agreementSlug(id, 'Kerja sama pendidikan vokasi dengan Politeknik Transportasi Darat Indonesia STTD Bekasi');
    const words = slug.slice(0, -9);
    expect(words.length).toBeLessThanOrEqual(60);
    expect(words).toBe('kerja-sama-pendidikan-vokasi-dengan-politeknik-transportasi');
    expect(agreementSlug(id, 'Café Ñandú')).toBe('cafe-nandu-3f2a9c1b');
  });

  it('is only the prefix when the title has no ascii word', () => {
    expect(agreementSlug(id, '—')).toBe('3f2a9c1b');
  });

  it('is parsed back to the id prefix', () => {
    expect(agreementIdPrefixFromSlug(agreementSlug(id, 'MoU Kota Ternate'))).toBe('3f2a9c1b');
    expect(agreementIdPrefixFromSlug('3f2a9c1b')).toBe('3f2a9c1b');
    expect(agreementIdPrefixFromSlug('tanpa-awalan')).toBeNull();
    expect(agreementIdPrefixFromSlug('kota-3f2a9c1')).toBeNull();
  });
});
