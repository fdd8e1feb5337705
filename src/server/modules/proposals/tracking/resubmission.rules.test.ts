import { describe, expect, it } from 'vitest';
import { isSameProposal, titleLikeness, type ProposalContent } from './resubmission.rules';

const first: ProposalContent = {
  title: 'Kerja sama pelatihan digital bagi pelaku UMKM',
  latarBelakang: 'Pelaku UMKM di Ternate belum banyak memakai pembayaran digital.',
  maksudTujuan: 'Meningkatkan kemampuan pemasaran dan pembayaran digital pelaku UMKM.',
  ruangLingkup: 'Pelatihan, pendampingan dan penyediaan perangkat pembayaran digital.',
  manfaat: 'Omzet UMKM naik dan retribusi pasar dibayar secara digital.',
};
const otherBody = { latarBelakang: 'Lain sama sekali.', maksudTujuan: 'Tujuan yang lain.', ruangLingkup: 'Lingkup yang lain.', manfaat: 'Manfaat yang lain.' };

describe('recognising a proposal sent again', () => {
  it.each([
    ['the same title in other case and punctuation', 'KERJA SAMA PELATIHAN DIGITAL BAGI PELAKU UMKM.'],
    ['one word changed', 'Kerja sama pelatihan digital untuk pelaku UMKM'],
    ['a word added', 'Kerja sama pelatihan digital bagi para pelaku UMKM'],
  ])('takes %s as the same proposal', (_case, title) => {
    expect(isSameProposal(first, { ...first, ...otherBody, title })).toBe(true);
  });

  it('takes the same content under a new title as the same proposal', () => {
    expect(isSameProposal(first, { ...first, title: 'Literasi keuangan digital' })).toBe(true);
  });

  it.each([
    ['Pelatihan pemandu wisata Benteng Oranje', 'Pelatihan pemandu wisata Benteng Tolukko'],
    ['Kerja sama pelatihan digital bagi pelaku UMKM', 'Kerja sama pengelolaan sampah plastik pesisir'],
  ])('keeps "%s" and "%s" apart', (a, b) => {
    expect(isSameProposal({ ...first, title: a }, { ...first, ...otherBody, title: b })).toBe(false);
  });

  it('measures likeness between 0 and 1, 1 for the same words', () => {
    expect(titleLikeness('Beasiswa taruna', 'beasiswa, Taruna!')).toBe(1);
    expect(titleLikeness('', '')).toBe(0);
  });
});
