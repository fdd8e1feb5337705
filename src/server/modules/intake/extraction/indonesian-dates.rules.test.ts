import { describe, expect, it } from 'vitest';
import { findIndonesianDates, parseIndonesianDate } from './indonesian-dates.rules';

describe('parseIndonesianDate', () => {
  it.each([
    ['20 Mei 2021', '2021-05-20'],
    ['20-05-2021', '2021-05-20'],
    ['20/05/2021', '2021-05-20'],
    ['1 Agt 2022', '2022-08-01'],
    ['3 Sept. 2020', '2020-09-03'],
    ['15 Nopember 2023', '2023-11-15'],
    ['7 Pebruari 2021', '2021-02-07'],
    ['tanggal 5 Juni 2024', '2024-06-05'],
  ])('reads the numeric date "%s"', (text, iso) => {
    expect(parseIndonesianDate(text)).toBe(iso);
  });

  it('reads the written-out signing formula', () => {
    const text = 'Pada hari ini Kamis tanggal dua puluh bulan Mei tahun dua ribu dua puluh satu, bertempat di Ternate';
    expect(parseIndonesianDate(text)).toBe('2021-05-20');
    expect(parseIndonesianDate('tanggal dua puluh satu bulan Juni tahun dua ribu dua puluh dua')).toBe('2022-06-21');
  });

  it('reads a written-out date broken over lines and with doubled spaces', () => {
    const text = 'Pada hari ini Selasa,  tanggal  dua\npuluh  satu bulan\nJuni tahun dua ribu\ndua puluh dua';
    expect(parseIndonesianDate(text)).toBe('2022-06-21');
  });

  it('refuses dates that do not exist', () => {
    expect(parseIndonesianDate('31 Februari 2021')).toBeNull();
    expect(parseIndonesianDate('32-01-2021')).toBeNull();
    expect(parseIndonesianDate('tanggal tiga puluh bulan Februari tahun dua ribu dua puluh')).toBeNull();
  });
});

describe('findIndonesianDates', () => {
  it('trusts a weekday that agrees and doubts one that does not', () => {
    const [right] = findIndonesianDates('hari ini Kamis tanggal dua puluh bulan Mei tahun dua ribu dua puluh satu');
    const [wrong] = findIndonesianDates('hari ini Senin tanggal dua puluh bulan Mei tahun dua ribu dua puluh satu');
    expect(right).toMatchObject({ iso: '2021-05-20', isSpelledOut: true, weekdayAgrees: true });
    expect(wrong).toMatchObject({ iso: '2021-05-20', weekdayAgrees: false });
    expect(wrong!.confidence).toBeLessThan(right!.confidence);
  });

  it('gives each date its span, in reading order, once', () => {
    const text = 'Ditandatangani 20 Mei 2021 dan berlaku sejak tanggal 01-06-2021.';
    const dates = findIndonesianDates(text);
    expect(dates.map((date) => date.iso)).toEqual(['2021-05-20', '2021-06-01']);
    expect(text.slice(dates[0]!.start, dates[0]!.end)).toBe('20 Mei 2021');
    expect(dates[1]!.isSpelledOut).toBe(false);
  });
});
