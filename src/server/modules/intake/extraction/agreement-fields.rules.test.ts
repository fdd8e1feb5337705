import { describe, expect, it } from 'vitest';
import { extractAgreementFields } from './agreement-fields.rules';

const HEADING = `PERJANJIAN KERJA SAMA
ANTARA
PEMERINTAH KOTA TERNATE
DENGAN
UNIVERSITAS KHAIRUN
Nomor : 012/PKS/BKS-TTE/V/2021
Nomor : 1234/UN44/KS/2021
TENTANG
PENINGKATAN KAPASITAS
SUMBER DAYA MANUSIA

`;
const PREAMBLE = `Pada hari ini Kamis tanggal dua puluh bulan Mei tahun dua ribu dua puluh satu, bertempat di Ternate, yang bertanda tangan di bawah ini:
I. Nama : Dr. M. Tauhid Soleman, M.Si
Jabatan : Wali Kota Ternate
dalam hal ini bertindak untuk dan atas nama Pemerintah Kota Ternate, selanjutnya disebut PIHAK PERTAMA.
II. Nama : Dr. M. Ridha Ajam, M.Hum
Jabatan : Rektor Universitas Khairun
dalam hal ini bertindak untuk dan atas nama Universitas Khairun, selanjutnya disebut PIHAK KEDUA.
`;
const TERM = 'Pasal 3\nPerjanjian ini berlaku untuk jangka waktu 3 (tiga) tahun sejak tanggal ditandatangani.';

describe('extractAgreementFields', () => {
  it('reads a PKS heading, preamble and term', () => {
    const { fields, confidence } = extractAgreementFields([HEADING + PREAMBLE, TERM]);
    expect(fields).toMatchObject({
      kind: 'PKS',
      nomorPemda: '012/PKS/BKS-TTE/V/2021',
      nomorMitra: '1234/UN44/KS/2021',
      title: 'PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA',
      signedOn: '2021-05-20',
      startsOn: '2021-05-20',
      termMonths: 36,
      endsOn: '2024-05-19',
    });
    expect(fields.parties).toEqual([
      { role: 'PIHAK PERTAMA', name: 'Dr. M. Tauhid Soleman, M.Si', position: 'Wali Kota Ternate', organisation: 'Pemerintah Kota Ternate' },
      { role: 'PIHAK KEDUA', name: 'Dr. M. Ridha Ajam, M.Hum', position: 'Rektor Universitas Khairun', organisation: 'Universitas Khairun' },
    ]);
    expect(confidence.kind).toBeGreaterThan(0.9);
  });

  it('gives the term its page and span', () => {
    const { evidence } = extractAgreementFields([HEADING + PREAMBLE, TERM]);
    expect(evidence.termMonths).toMatchObject({ page: 2, text: 'jangka waktu 3 (tiga) tahun' });
    expect(TERM.slice(evidence.termMonths!.start, evidence.termMonths!.end)).toBe('jangka waktu 3 (tiga) tahun');
  });

  it('knows an adendum by its heading even though it names the PKS it amends', () => {
    expect(extractAgreementFields(['ADENDUM PERTAMA\nPERJANJIAN KERJA SAMA\nANTARA ...']).fields.kind).toBe('ADENDUM');
    expect(extractAgreementFields(['NOTA KESEPAKATAN\nANTARA']).fields.kind).toBe('NK');
    expect(extractAgreementFields(['KESEPAKATAN BERSAMA\nANTARA']).fields.kind).toBe('KB');
  });
});

describe('term', () => {
  const termOf = (text: string) => extractAgreementFields([`Pada tanggal 1 Juni 2022 yang bertanda tangan di bawah ini. ${text}`]);

  it('reads months, years, words alone and OCR dots', () => {
    expect(termOf('berlaku selama 24 (dua puluh empat) bulan').fields.termMonths).toBe(24);
    expect(termOf('dalam jangka waktu 2 (dua) tahun').fields.termMonths).toBe(24);
    expect(termOf('untuk jangka waktu lima tahun').fields.termMonths).toBe(60);
    expect(termOf('jangka waktu 5 (lima).tahun').fields.termMonths).toBe(60);
    expect(termOf('jangka waktu 1 (satu)\ntahun').fields.endsOn).toBe('2023-05-31');
  });

  it('trusts the words and lowers confidence when digits and words disagree', () => {
    const { fields, confidence } = termOf('jangka waktu 8 (tiga) tahun');
    expect(fields.termMonths).toBe(36);
    expect(confidence.termMonths).toBeLessThan(0.6);
  });

  it('starts the term on a date the text names, else on the signing day', () => {
    const named = termOf('berlaku selama 6 (enam) bulan terhitung mulai tanggal 1 Juli 2022');
    expect(named.fields).toMatchObject({ signedOn: '2022-06-01', startsOn: '2022-07-01', endsOn: '2022-12-31' });
    expect(termOf('berlaku selama 6 (enam) bulan').fields).toMatchObject({ startsOn: '2022-06-01', endsOn: '2022-11-30' });
  });
});

describe('parties', () => {
  it('reads the one-line layout and OCR\'s "Il." for "II."', () => {
    const text = `yang bertanda tangan di bawah ini:
1. Ir. Djoko Sasono, M.Eng : Kepala Badan Pengembangan SDM Perhubungan, dalam hal ini bertindak untuk dan atas nama Badan Pengembangan Sumber Daya Manusia Perhubungan, selanjutnya disebut PIHAK PERTAMA.
Il. Dr. M. Tauhid Soleman, M.Si : Wali Kota Ternate, dalam hal ini bertindak untuk dan atas
nama Pemerintah Kota Ternate, selanjutnya disebut PIHAK  KEDUA.`;
    expect(extractAgreementFields([text]).fields.parties).toEqual([
      { role: 'PIHAK PERTAMA', name: 'Ir. Djoko Sasono, M.Eng', position: 'Kepala Badan Pengembangan SDM Perhubungan', organisation: 'Badan Pengembangan Sumber Daya Manusia Perhubungan' },
      { role: 'PIHAK KEDUA', name: 'Dr. M. Tauhid Soleman, M.Si', position: 'Wali Kota Ternate', organisation: 'Pemerintah Kota Ternate' },
    ]);
  });

  it('reads the layout with commas for colons, degrees kept with the name', () => {
    const text = `Pada hari ini kami yang bertanda tangan di bawah ini:
1. M. Tauhid Soleman, Wali Kota Ternate, dalam hal ini bertindak untuk dan atas nama Pemerintah Kota Ternate, selanjutnya disebut PIHAK PERTAMA.
2. Dr. Ridha Ajam, M.Hum., Rektor Universitas Khairun, dalam hal ini bertindak untuk dan atas nama Universitas Khairun, selanjutnya disebut PIHAK KEDUA.`;
    const { fields, confidence } = extractAgreementFields([text]);
    expect(fields.parties).toEqual([
      { role: 'PIHAK PERTAMA', name: 'M. Tauhid Soleman', position: 'Wali Kota Ternate', organisation: 'Pemerintah Kota Ternate' },
      { role: 'PIHAK KEDUA', name: 'Dr. Ridha Ajam, M.Hum.', position: 'Rektor Universitas Khairun', organisation: 'Universitas Khairun' },
    ]);
    expect(confidence.parties).toBe(0.6);
  });

  it('halves the confidence when only one party is found', () => {
    const one = extractAgreementFields(['Nama : Budi\nJabatan : Kepala\nselanjutnya disebut PIHAK PERTAMA.']);
    expect(one.fields.parties).toHaveLength(1);
    expect(one.confidence.parties).toBeLessThan(0.5);
  });
});

describe('numbers', () => {
  const withNumbers = (heading: string) => extractAgreementFields([`${heading}\nTENTANG\nX\n\nPada hari ini`]).fields;

  it('knows the city\'s number by its code wherever it stands', () => {
    expect(withNumbers('ANTARA\nUNIVERSITAS KHAIRUN\nDENGAN\nPEMERINTAH KOTA TERNATE\nNomor : 1/UN44/2021\nNomor : 2/KSB/BKS-TTE/I/2021')).toMatchObject({ nomorPemda: '2/KSB/BKS-TTE/I/2021', nomorMitra: '1/UN44/2021' });
  });

  it('follows the issuer line above each number', () => {
    const fields = withNumbers('ANTARA\nBANK MALUKU\nNOMOR: B.12/DIR/2021\nDENGAN\nPEMERINTAH KOTA TERNATE\nNOMOR: 180/12/KSB/2021');
    expect(fields).toMatchObject({ nomorPemda: '180/12/KSB/2021', nomorMitra: 'B.12/DIR/2021' });
  });

  it('otherwise follows the order of the parties in the heading', () => {
    expect(withNumbers('ANTARA\nPEMERINTAH KOTA TERNATE\nDENGAN\nUNIVERSITAS KHAIRUN\nNomor : 180/12/KSB/2021\nNomor ; 55/UN44/KS/2021')).toMatchObject({ nomorPemda: '180/12/KSB/2021', nomorMitra: '55/UN44/KS/2021' });
    expect(withNumbers('ANTARA\nKEMENTERIAN PERHUBUNGAN\nDENGAN\nPEMERINTAH KOTA TERNATE\nNomor : HK.1/2/2021\nNomor : 180/12/KSB/2021')).toMatchObject({ nomorPemda: '180/12/KSB/2021', nomorMitra: 'HK.1/2/2021' });
  });

  it('ignores a number cited in the body, after the preamble', () => {
    const fields = extractAgreementFields(['ADENDUM\nNomor : 3/ADD/BKS-TTE/I/2022\nPada hari ini ...\nNomor : 9/PKS/BKS-TTE/I/2020']).fields;
    expect(fields.nomorPemda).toBe('3/ADD/BKS-TTE/I/2022');
    expect(fields.nomorMitra).toBeNull();
  });
});

describe('OCR damage the rules absorb', () => {
  it('reads a title after a speck beside TENTANG and drops stray stops', () => {
    const { fields } = extractAgreementFields(['KESEPAKATAN BERSAMA\nTENTANG h\n\nPENINGKATAN KAPASITAS SUMBER. DAYA\nMANUSIA PRAKTIK.KLINIK\n\nPada hari ini']);
    expect(fields.title).toBe('PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA PRAKTIK KLINIK');
  });

  it('cleans specks off numbers and reads a Roman month written with ones', () => {
    const { fields } = extractAgreementFields(['ANTARA\nPEMERINTAH KOTA TERNATE\nDENGAN\nX\n— NOMOR :-050/PKS/BKS-TTE/X1/2022 |\nNOMOR : PP.381/4/2022\nPada hari ini']);
    expect(fields).toMatchObject({ nomorPemda: '050/PKS/BKS-TTE/XI/2022', nomorMitra: 'PP.381/4/2022' });
  });

  it('reads dates and terms with specks between their words', () => {
    const { fields } = extractAgreementFields([
      'Pada hari ini Selasa tanggal lima bulan Maret.tahun dua.ribu dua puluh empat, yang bertanda tangan\nberlaku untuk jangka. waktu.2 (dua) tahun',
    ]);
    expect(fields).toMatchObject({ signedOn: '2024-03-05', termMonths: 24, endsOn: '2026-03-04' });
    expect(extractAgreementFields(['Ditandatangani di Ternate pada tanggal 29 Mei .2022']).fields.signedOn).toBe('2022-05-29');
  });

  it('reads parties through specks round labels, markers and roles', () => {
    const text = `Yang bertanda-tangan di bawah ini: |
|. Nama’: Muhammad Syarif Tjan, S.Pd
Jabatan: : Kepala Dinas Pendidikan Kota Ternate
dalam: hal ini bertindak untuk dan atas nama Pemerintah Kota Ternate, selanjutnya
disebut PIHAK
: PERTAMA. | |
2.. Dr, M..Tauhid Soleman,.M.Si : Rektor Universitas. Khairun, dalam hal ini bertindak untuk dan atas nama Universitas Khairun, selanjutnya disebut PIHAK KEDUA.`;
    expect(extractAgreementFields([text]).fields.parties).toEqual([
      { role: 'PIHAK PERTAMA', name: 'Muhammad Syarif Tjan, S.Pd', position: 'Kepala Dinas Pendidikan Kota Ternate', organisation: 'Pemerintah Kota Ternate' },
      { role: 'PIHAK KEDUA', name: 'Dr. M. Tauhid Soleman, M.Si', position: 'Rektor Universitas Khairun', organisation: 'Universitas Khairun' },
    ]);
  });
});
