import { describe, expect, it } from 'vitest';
import { DUPLICATE_SCORE, findDuplicatePairs, isLikelyDuplicate, partnerNameForm, partnerNameScore } from './partner-similarity.rules';

// Names as they are typed into Kota Ternate's register: the same institution written two ways …
const samePairs: [string, string][] = [
  ['PT Bank Negara Indonesia (Persero) Tbk', 'BNI'],
  ['PT. Bank Rakyat Indonesia (Persero), Tbk.', 'Bank BRI'],
  ['Bank Syariah Indonesia', 'PT BSI Tbk'],
  ['PT Bank Tabungan Negara (Persero) Tbk', 'BTN'],
  ['PT Bank Mandiri (Persero) Tbk', 'Mandiri'],
  ['Universitas Khairun', 'Unkhair'],
  ['Universitas Khairun', 'Universitas Khairum'],
  ['Universitas Khairun Ternate', 'UNKHAIR'],
  ['Universitas Muhammadiyah Maluku Utara', 'UMMU'],
  ['IAIN Ternate', 'Institut Agama Islam Negeri Ternate'],
  ['Pemkab Halmahera Utara', 'Pemerintah Kabupaten Halmahera Utara'],
  ['Pemerintah Kota Tidore Kepulauan', 'Pemkot Tidore Kepulauan'],
  ['Pemprov Maluku Utara', 'Pemerintah Provinsi Maluku Utara'],
  ['BPJS Kesehatan', 'Badan Penyelenggara Jaminan Sosial Kesehatan'],
  ['BPJS Ketenagakerjaan Cabang Ternate', 'BPJS Ketenagakerjaan'],
  ['Kemendagri', 'Kementerian Dalam Negeri Republik Indonesia'],
  ['Kementrian Keuangan', 'Kemenkeu'],
  ['PT PLN (Persero)', 'Perusahaan Listrik Negara'],
  ['PT Telkom Indonesia (Persero) Tbk', 'PT Telekomunikasi Indonesia Tbk'],
  ['PT Pertamina (Persero)', 'Pertamina'],
  ['Badan Pusat Statistik Kota Ternate', 'BPS Kota Ternate'],
  ['Badan Pengelolaan Keuangan dan Aset Daerah', 'BPKAD'],
  ['Univ. Pattimura', 'Universitas Pattimura Ambon'],
];

// … and different institutions whose names look alike.
const differentPairs: [string, string][] = [
  ['Pemerintah Kabupaten Halmahera Utara', 'Pemerintah Kabupaten Halmahera Barat'],
  ['BNI', 'BRI'],
  ['PT Bank Negara Indonesia (Persero) Tbk', 'PT Bank Rakyat Indonesia (Persero) Tbk'],
  ['Bank Indonesia', 'Bank Negara Indonesia'],
  ['BSI', 'BTN'],
  ['BPJS Kesehatan', 'BPJS Ketenagakerjaan'],
  ['Pemerintah Provinsi Maluku', 'Pemerintah Provinsi Maluku Utara'],
  ['Pemerintah Kota Ternate', 'Pemerintah Kabupaten Halmahera Selatan'],
  ['Pemerintah Kota Tidore Kepulauan', 'Pemerintah Kabupaten Kepulauan Sula'],
  ['Pemkab Halmahera Tengah', 'Pemkab Halmahera Timur'],
  ['Universitas Khairun', 'Universitas Muhammadiyah Maluku Utara'],
  ['Universitas Khairun', 'Universitas Pattimura'],
  ['IAIN Ternate', 'IAIN Ambon'],
  ['Kemendagri', 'Kemenkeu'],
  ['Dinas Kesehatan Kota Ternate', 'Dinas Pendidikan Kota Ternate'],
  ['SMA Negeri 1 Ternate', 'SMA Negeri 2 Ternate'],
  ['Koperasi Mandiri Sejahtera', 'PT Bank Mandiri (Persero) Tbk'],
  ['Politeknik Kesehatan Ternate', 'Politeknik Perikanan Ternate'],
];

describe('partner name similarity', () => {
  it.each(samePairs)('takes "%s" and "%s" for one institution', (a, b) => {
    expect(isLikelyDuplicate(a, b)).toBe(true);
    expect(isLikelyDuplicate(b, a)).toBe(true);
  });

  it.each(differentPairs)('keeps "%s" and "%s" apart', (a, b) => {
    expect(isLikelyDuplicate(a, b)).toBe(false);
    expect(isLikelyDuplicate(b, a)).toBe(false);
  });

  it('writes names out without legal forms, abbreviations or punctuation', () => {
    expect(partnerNameForm('PT. Bank Negara Indonesia (Persero), Tbk').words).toEqual(['bank', 'negara', 'indonesia']);
    expect(partnerNameForm('Pemkab Halmahera Utara').words).toEqual(['pemerintah', 'kabupaten', 'halmahera', 'utara']);
    expect(partnerNameForm('Univ. Khairun').words).toEqual(['universitas', 'khairun']);
  });

  it('scores the same name written out fully as certain and a mere shared place as nothing', () => {
    expect(partnerNameScore(partnerNameForm('BNI'), partnerNameForm('Bank Negara Indonesia'))).toBe(1);
    expect(partnerNameScore(partnerNameForm('Bank Ternate'), partnerNameForm('Universitas Ternate'))).toBeLessThan(DUPLICATE_SCORE);
  });

  it('lists the likely pairs of a registry once each, strongest first', () => {
    const names = ['BNI', 'BRI', 'PT Bank Negara Indonesia (Persero) Tbk', 'Universitas Khairun', 'Universitas Khairum', 'Pemkab Halmahera Barat'];
    const pairs = findDuplicatePairs(names.map((name, index) => ({ id: String(index), name })), 10);
    expect(pairs.map((pair) => [pair.a.name, pair.b.name])).toEqual([
      ['BNI', 'PT Bank Negara Indonesia (Persero) Tbk'],
      ['Universitas Khairun', 'Universitas Khairum'],
    ]);
    expect(pairs[0]?.score).toBe(1);
  });
});
