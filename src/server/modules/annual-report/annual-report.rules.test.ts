import { describe, expect, it } from 'vitest';
import { SECTION_HEADINGS, SECTION_KEYS } from '../../../shared/annual-report';
import { reportDocumentOf, reportSheetsOf } from './annual-report-document.rules';
import { annualDueOn, findingsOf, isInForceDuring, periodWindow, recapRowOf, sectionOf, semesterDueOn, type AgreementBundle, type InForceFacts } from './annual-report.rules';

const year2025 = periodWindow({ kind: 'annual', year: 2025 });

function facts(overrides: Partial<InForceFacts>): InForceFacts {
  return {
    docType: 'PKS',
    isDraft: false,
    signedOn: '2024-03-01',
    startsOn: '2024-03-01',
    endsOn: '2027-02-28',
    terminationKind: null,
    terminatedOn: null,
    ...overrides,
  };
}

function bundle(overrides: Partial<AgreementBundle> = {}): AgreementBundle {
  return {
    agreement: {
      id: 'a1',
      docType: 'PKS',
      kind: 'KSDPK',
      title: 'Pelatihan UMKM Digital',
      numberOurs: '500/12/PKS/2024',
      numberPartner: 'BANK/77/2024',
      signedOn: '2024-03-01',
      startsOn: '2024-03-01',
      endsOn: '2027-02-28',
      terminationKind: null,
      terminatedOn: null,
      terminationReason: null,
      scope: 'Pelatihan pemasaran digital bagi UMKM.',
      purpose: 'Meningkatkan omzet UMKM.',
      valueIdr: '150000000',
      partners: 'PT Bank Maluku Utara',
      partnerCategory: 'BUMD',
      units: 'Dinas Koperasi dan UKM',
      sector: 'UMKM dan Koperasi',
      adenda: 'ADD/1/2025 (2025-06-01)',
    },
    plans: [
      {
        agreementId: 'a1',
        title: 'Pelatihan angkatan I',
        budgetAmount: '50000000',
        budgetSource: 'APBD',
        indicators: [{ name: 'UMKM terlatih', unit: 'pelaku', target: 100 }],
      },
    ],
    reports: [
      {
        agreementId: 'a1',
        planTitle: 'Pelatihan angkatan I',
        period: '2025-S1',
        status: 'verified',
        summary: 'Pelatihan tiga hari di Ternate.',
        outputs: '80 pelaku UMKM lulus.',
        completion: 'completed',
        beneficiaries: [
          { group: 'umkm', count: 80 },
          { group: 'pedagang', count: 12 },
        ],
        funds: [
          { source: 'APBD', realised: '45000000' },
          { source: 'mitra', realised: '10000000' },
        ],
        obstaclesInternal: 'Jaringan internet lemah.',
        obstaclesExternal: null,
        followUp: 'Angkatan II tahun 2026.',
        returnReason: null,
        updatedOn: '2025-07-10',
      },
      {
        agreementId: 'a1',
        planTitle: 'Pendampingan',
        period: '2025-S2',
        status: 'returned',
        summary: 'x',
        outputs: null,
        completion: 'under_half',
        beneficiaries: [{ group: 'warga', count: 999 }],
        funds: [],
        obstaclesInternal: 'Tidak dihitung',
        obstaclesExternal: null,
        followUp: null,
        returnReason: 'Bukti kurang',
        updatedOn: '2025-12-20',
      },
    ],
    evaluation: {
      period: '2025-S2',
      finalisedOn: '2025-12-15',
      result: {
        dimensions: { simbiosis: 3.2, mutualisme: 2.75, implementasi: 2.5 },
        overall: 2.78,
        band: 'cukup',
      },
    },
    health: { status: 'sehat', reasons: [] },
    ...overrides,
  };
}

describe('in force during a year', () => {
  it.each([
    ['started before and running through', facts({}), true],
    ['started in the year', facts({ signedOn: '2025-11-30', startsOn: '2025-12-31' }), true],
    ['signed in the year but starting the next', facts({ signedOn: '2025-12-20', startsOn: '2026-01-01' }), false],
    ['ended before the year', facts({ endsOn: '2024-12-31' }), false],
    ['ending on the first day of the year', facts({ endsOn: '2025-01-01' }), true],
    ['without an end', facts({ endsOn: null }), true],
    ['without a start date, signed in the year', facts({ signedOn: '2025-05-05', startsOn: null }), true],
    ['terminated early before the year', facts({ terminationKind: 'diakhiri', terminatedOn: '2024-10-01' }), false],
    ['terminated early during the year', facts({ terminationKind: 'dicabut', terminatedOn: '2025-04-01' }), true],
    ['a draft', facts({ isDraft: true }), false],
    ['an unsigned document', facts({ signedOn: null, startsOn: '2025-02-01' }), false],
    ['an adendum (listed under its parent)', facts({ docType: 'ADENDUM' }), false],
  ])('%s', (_name, agreement, expected) => {
    expect(isInForceDuring(agreement, year2025)).toBe(expected);
  });

  it('splits a year into semesters of January–June and July–December', () => {
    expect(periodWindow({ kind: 'semester', year: 2025, half: 1 })).toMatchObject({
      period: '2025-S1',
      firstDay: '2025-01-01',
      lastDay: '2025-06-30',
      reportPeriods: ['2025-S1'],
    });
    expect(periodWindow({ kind: 'semester', year: 2025, half: 2 })).toMatchObject({
      period: '2025-S2',
      firstDay: '2025-07-01',
      lastDay: '2025-12-31',
    });
    expect(year2025.reportPeriods).toEqual(['2025-S1', '2025-S2']);
  });

  it('puts the annual report due in the first week of January of the next year, the semester report days after its end', () => {
    expect(annualDueOn(2025, 7)).toBe('2026-01-07');
    expect(semesterDueOn(periodWindow({ kind: 'semester', year: 2025, half: 1 }), 14)).toBe('2025-07-14');
    expect(semesterDueOn(periodWindow({ kind: 'semester', year: 2025, half: 2 }), 14)).toBe('2026-01-14');
  });
});

describe('section filling', () => {
  it('fills every Ps 37(1) section from the register, plans, reports and evaluation', () => {
    const section = sectionOf(bundle(), year2025);
    expect(Object.keys(section.texts)).toEqual([...SECTION_KEYS]);
    expect(section.label).toBe('PKS 500/12/PKS/2024 — Pelatihan UMKM Digital');
    expect(section.texts.title).toContain('500/12/PKS/2024');
    expect(section.texts.title).toContain('ADD/1/2025');
    expect(section.texts.background).toContain('PT Bank Maluku Utara (BUMD)');
    expect(section.texts.purpose).toContain('Meningkatkan omzet UMKM.');
    expect(section.texts.purpose).toContain('UMKM terlatih: 100 pelaku');
    expect(section.texts.scope).toBe('Pelatihan pemasaran digital bagi UMKM.');
    expect(section.texts.progress).toContain('1 rencana kegiatan tahun anggaran 2025; 1 laporan realisasi, 1 kegiatan selesai.');
    expect(section.texts.progress).toContain('80 pelaku UMKM lulus.');
    // A returned report is not counted.
    expect(section.texts.beneficiaries).toBe('Penerima manfaat yang dilaporkan: UMKM 80, pedagang 12; jumlah 92.');
    expect(section.texts.financing).toContain('Rp150.000.000');
    expect(section.texts.financing).toContain('Realisasi Rp55.000.000 (APBD Rp45.000.000, mitra Rp10.000.000).');
    expect(section.texts.obstacles).toBe('Jaringan internet lemah.');
    expect(section.texts.analysis).toContain('Simbiosis 3,20, Mutualisme 2,75, Implementasi 2,50; nilai akhir 2,78 (Cukup)');
    expect(section.texts.analysis).toContain('dilanjutkan dengan perbaikan');
    expect(section.texts.analysis).toContain('Angkatan II tahun 2026.');
  });

  it('says plainly what is missing when nothing was planned, reported or evaluated', () => {
    const empty = bundle({
      plans: [],
      reports: [],
      evaluation: null,
      health: { status: 'dorman', reasons: ['dormant'] },
    });
    const section = sectionOf(
      {
        ...empty,
        agreement: { ...empty.agreement, scope: null, purpose: null },
      },
      year2025,
    );
    expect(section.texts.scope).toBe('Ruang lingkup belum dicatat dalam register.');
    expect(section.texts.progress).toContain('Belum ada laporan realisasi pada periode ini.');
    expect(section.texts.beneficiaries).toBe('Belum ada penerima manfaat yang dilaporkan pada periode ini.');
    expect(section.texts.analysis).toContain('Belum ada evaluasi final');
    expect(section.texts.analysis).toContain('dorman');
    expect(recapRowOf(empty, year2025)).toMatchObject({
      status: 'Berlaku, dorman',
      isDormant: true,
      activitiesPlanned: 0,
      scoreS: null,
      band: null,
    });
  });

  it('recaps the figures and the standing at the end of the period', () => {
    const row = recapRowOf(bundle(), year2025);
    expect(row).toMatchObject({
      activitiesPlanned: 1,
      activitiesDone: 1,
      beneficiaries: 92,
      fundsPlanned: 50_000_000,
      fundsRealised: 55_000_000,
      scoreS: 3.2,
      scoreM: 2.75,
      scoreI: 2.5,
      band: 'Cukup',
      status: 'Berlaku',
    });
    const ended = bundle();
    ended.agreement = {
      ...ended.agreement,
      terminationKind: 'diakhiri',
      terminatedOn: '2025-09-30',
    };
    expect(recapRowOf(ended, year2025).status).toBe('Diakhiri 2025-09-30');
  });

  it('names open findings: a weak evaluation and a returned report', () => {
    const weak = bundle({
      evaluation: {
        period: '2025-S1',
        finalisedOn: '2025-07-01',
        result: {
          dimensions: { simbiosis: 1, mutualisme: 1, implementasi: 0.5 },
          overall: 0.8,
          band: 'dorman',
        },
      },
    });
    const findings = findingsOf(weak);
    expect(findings.map((finding) => finding.source)).toEqual(['evaluation', 'report']);
    expect(findings[1]?.text).toContain('Bukti kurang');
    expect(findingsOf(bundle({ reports: [] }))).toEqual([]);
  });
});

describe('the report document', () => {
  it('heads each agreement with the Ps 37(1) contents and recaps it in a "Rekap" sheet with "Nomor Pemda"', () => {
    const window = year2025;
    const content = {
      periodFirstDay: window.firstDay,
      periodLastDay: window.lastDay,
      generatedAt: '2026-01-05T01:00:00.000Z',
      sections: [sectionOf(bundle(), window)],
      recap: [recapRowOf(bundle(), window)],
      dormant: [],
      findings: [],
    };
    const header = { kind: 'annual' as const, year: 2025, part: 'annual' };
    const doc = reportDocumentOf(header, content, {
      letterhead: 'PEMERINTAH KOTA TERNATE',
      signatoryName: 'Dr. M. Tauhid Soleman',
      signatoryTitle: 'Wali Kota Ternate',
      annualDueDay: 7,
      semesterDueDays: 14,
    });
    expect(doc.title).toBe('Laporan Pelaksanaan Kerja Sama Tahun 2025');
    const headings = doc.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
    for (const key of SECTION_KEYS) expect(headings).toContain(SECTION_HEADINGS[key].id);
    const [sheet] = reportSheetsOf(header, content);
    expect(sheet?.name).toBe('Rekap');
    expect(sheet?.head[1]).toBe('Nomor Pemda');
    expect(sheet?.rows[0]?.[1]).toBe('500/12/PKS/2024');
  });

  it('dates the signature by the day in Ternate (WIT): 4 January 16:00 UTC is 5 January', () => {
    const window = year2025;
    const content = { periodFirstDay: window.firstDay, periodLastDay: window.lastDay, generatedAt: '2026-01-04T16:00:00.000Z', sections: [], recap: [], dormant: [], findings: [] };
    const doc = reportDocumentOf({ kind: 'annual', year: 2025, part: 'annual' }, content, { letterhead: 'PEMERINTAH KOTA TERNATE', signatoryName: 'Dr. M. Tauhid Soleman', signatoryTitle: 'Wali Kota Ternate', annualDueDay: 7, semesterDueDays: 14 });
    const texts = doc.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
    expect(texts.some((text) => text.startsWith('Ternate, 5 Januari 2026'))).toBe(true);
  });
});
