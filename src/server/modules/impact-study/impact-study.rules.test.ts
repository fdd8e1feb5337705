import { describe, expect, it } from 'vitest';
import { impactNarrative, joinIndonesian, yearParagraph, type NarrativeInput, type NarrativeYear } from './impact-study.rules';

const groupNames = { pemerintah: 'Instansi Pemerintah', bumn_bumd: 'BUMN/BUMD', swasta: 'Swasta', lainnya: 'Lainnya' };
const sectorNames = { umkm_koperasi: 'UMKM dan Koperasi', pendidikan: 'Pendidikan', pendapatan_daerah: 'Pendapatan Daerah', kesehatan: 'Kesehatan' };
const names = { groupNames, sectorNames, sectorCount: 13 };

function year(value: number, counts: { total: number; groups: Record<string, number>; sectors: Record<string, number> }, extra: Partial<NarrativeYear> = {}): NarrativeYear {
  const largest = (record: Record<string, number>) => {
    const max = Math.max(0, ...Object.values(record));
    return max === 0 ? [] : Object.keys(record).filter((code) => record[code] === max);
  };
  return { year: value, total: counts.total, byPartnerGroup: counts.groups, largestPartnerGroup: largest(counts.groups), bySector: counts.sectors, largestSector: largest(counts.sectors), ...extra };
}

// The survey's figures as the article quotes them (2020–2022).
const survey: NarrativeInput = {
  from: 2020,
  to: 2022,
  ...names,
  years: [
    year(2020, { total: 8, groups: { pemerintah: 6, swasta: 2 }, sectors: { umkm_koperasi: 3, pendidikan: 2 } }),
    year(2021, { total: 27, groups: { pemerintah: 9, swasta: 10, bumn_bumd: 8 }, sectors: { umkm_koperasi: 5, pendidikan: 4 } }),
    year(2022, { total: 17, groups: { pemerintah: 11, swasta: 6 }, sectors: { pendidikan: 4, pendapatan_daerah: 4, umkm_koperasi: 3 } }),
  ],
};

describe('impact study narrative', () => {
  it('joins names the Indonesian way', () => {
    expect(joinIndonesian([])).toBe('');
    expect(joinIndonesian(['A'])).toBe('A');
    expect(joinIndonesian(['A', 'B'])).toBe('A dan B');
    expect(joinIndonesian(['A', 'B', 'C'])).toBe('A, B dan C');
  });

  it('opens with the total of the range and each year in the article\'s words', () => {
    const [opening] = impactNarrative(survey).split('\n\n');
    expect(opening).toContain('tahun 2020 sampai dengan 2022: seluruhnya 52 dokumen');
    expect(opening).toContain('Jumlah kerja sama pada tahun 2020 berjumlah 8; pada tahun 2021 berjumlah 27; dan pada tahun 2022 berjumlah 17.');
  });

  it('names per year the total, the largest partner group and the largest sector with their counts', () => {
    const paragraphs = impactNarrative(survey).split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[1]).toBe(
      'Pada tahun 2020 jumlah kerja sama sebanyak 8 dokumen. Kerja sama tertinggi dengan Instansi Pemerintah sebanyak 6 dokumen. ' +
        'Dari 13 bidang, kerja sama terbanyak pada bidang UMKM dan Koperasi sebanyak 3 dokumen.',
    );
    expect(paragraphs[2]).toContain('Kerja sama tertinggi dengan Swasta sebanyak 10 dokumen.');
    expect(paragraphs[2]).toContain('bidang UMKM dan Koperasi sebanyak 5 dokumen.');
  });

  it('names tied sectors together with "masing-masing"', () => {
    const paragraph = yearParagraph(survey.years[2]!, names);
    expect(paragraph).toContain('kerja sama terbanyak pada bidang Pendidikan dan bidang Pendapatan Daerah masing-masing 4 dokumen.');
  });

  it('names three tied sectors and tied partner groups together', () => {
    const tied = year(2023, { total: 6, groups: { pemerintah: 3, swasta: 3 }, sectors: { pendidikan: 2, kesehatan: 2, umkm_koperasi: 2 } });
    const paragraph = yearParagraph(tied, names);
    expect(paragraph).toContain('Kerja sama tertinggi dengan Instansi Pemerintah dan Swasta masing-masing 3 dokumen.');
    expect(paragraph).toContain('bidang Pendidikan, bidang Kesehatan dan bidang UMKM dan Koperasi masing-masing 2 dokumen.');
  });

  it('says so plainly for a year without signings, and for a single year', () => {
    const empty = year(2019, { total: 0, groups: { pemerintah: 0 }, sectors: { pendidikan: 0 } });
    expect(yearParagraph(empty, names)).toBe('Pada tahun 2019 tidak tercatat naskah kerja sama yang ditandatangani.');
    const single = impactNarrative({ ...names, from: 2019, to: 2019, years: [empty] });
    expect(single).toContain('tahun 2019: seluruhnya 0 dokumen. Jumlah kerja sama pada tahun 2019 berjumlah 0.');
  });

  it('adds what the survey could not see: plans and verified realisation of the agreements in force', () => {
    const withWork = year(2024, { total: 1200, groups: { swasta: 1200 }, sectors: { pendidikan: 1200 } }, { inForce: 1500, planned: 300, implemented: 120 });
    const paragraph = yearParagraph(withWork, names);
    expect(paragraph).toContain('sebanyak 1.200 dokumen');
    expect(paragraph).toContain('Dari 1.500 naskah yang berlaku pada tahun itu, 300 memiliki rencana kegiatan OPD dan 120 memiliki laporan realisasi terverifikasi.');
  });
});
