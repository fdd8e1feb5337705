import { describe, expect, it } from 'vitest';
import { CreateReportSchema, UpdateReportSchema } from '../../../../shared/realisation';
import type { ReportView } from '../../../../shared/realisation';
import { createBodyOf, draftOf, emptyDraft, realisedTotal, updateBodyOf, type ReportDraft } from './report-draft';

const filled: ReportDraft = {
  ...emptyDraft('APBD'),
  summary: '  Pelatihan pemasaran daring UMKM ',
  startedOn: '2026-09-01',
  location: '',
  beneficiaries: [{ group: 'umkm', count: 60, place: 'Ternate Tengah' }],
  funds: [{ source: 'APBD', realised: '42.000.000' }],
  completion: 'completed',
};

describe('the report form’s body', () => {
  it('sends nothing for empty text and whole rupiah for an amount typed with dots', () => {
    const body = createBodyOf(filled, '2026-S2');
    expect(body).toMatchObject({ period: '2026-S2', summary: 'Pelatihan pemasaran daring UMKM', startedOn: '2026-09-01', endedOn: null, location: null, funds: [{ source: 'APBD', realised: '42000000' }] });
    expect(CreateReportSchema.safeParse(body).success).toBe(true);
    expect(UpdateReportSchema.safeParse(updateBodyOf(filled, 3)).success).toBe(true);
  });

  it('lets the schema name the row whose count or amount is missing', () => {
    const draft: ReportDraft = { ...filled, beneficiaries: [...filled.beneficiaries, { group: 'warga', count: '', place: '' }], funds: [{ source: 'mitra', realised: '' }] };
    const parsed = CreateReportSchema.safeParse(createBodyOf(draft, '2026-S2'));
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['beneficiaries.1.count', 'funds.0.realised']));
  });

  it('shows a stored amount with dots and sends it back unchanged', () => {
    const stored = { ...createBodyOf(filled, '2026-S2'), beneficiaries: [], funds: [{ source: 'mitra', realised: '5000000' }] } as unknown as ReportView;
    const draft = draftOf(stored);
    expect(draft.funds).toEqual([{ source: 'mitra', realised: '5.000.000' }]);
    expect(updateBodyOf(draft, 2).funds).toEqual([{ source: 'mitra', realised: '5000000' }]);
  });

  it('adds the realised amounts, ignoring a line not yet filled', () => {
    expect(realisedTotal([{ realised: '42.000.000' }, { realised: '8000000' }, { realised: '' }])).toBe('50000000');
  });
});
