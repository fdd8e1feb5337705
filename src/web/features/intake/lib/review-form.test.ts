import { describe, expect, it } from 'vitest';
import type { ExtractedFields } from '../../../../shared/intake';
import { acceptInput, confidencePercent, initialReviewValues, isUnsure, missingDraftInputs, reviewFieldOfColumn, reviewInputOf } from './review-form';

const fields: ExtractedFields = {
  kind: 'PKS',
  nomorPemda: '12/PKS/2024',
  nomorMitra: null,
  title: 'Pengembangan Sumber Daya Manusia',
  signedOn: '2024-03-01',
  startsOn: null,
  endsOn: null,
  termMonths: null,
  scope: null,
  parties: [
    { role: 'PIHAK PERTAMA', name: 'Dr. M. Tauhid Soleman', position: 'Wali Kota Ternate', organisation: 'Pemerintah Kota Ternate' },
    { role: 'PIHAK KEDUA', name: 'Prof. Dr. Husen Alting', position: 'Rektor', organisation: 'Universitas Khairun' },
  ],
};

describe('the review form of a scan', () => {
  it('starts from what the scan proposes, empty strings where it says nothing', () => {
    const values = initialReviewValues({ fields });
    expect(values).toMatchObject({ kind: 'PKS', nomorPemda: '12/PKS/2024', nomorMitra: '', startsOn: '', partnerName: 'Universitas Khairun', leadUnitId: '' });
    expect(initialReviewValues({ fields: null })).toMatchObject({ kind: '', title: '', partnerName: '' });
  });

  it('sends a matched scan with its corrected fields only, blanks as null', () => {
    const values = { ...initialReviewValues({ fields }), title: '  Pengembangan SDM  ', leadUnitId: 'ignored' };
    expect(acceptInput(values, true)).toEqual({
      fields: { kind: 'PKS', nomorPemda: '12/PKS/2024', nomorMitra: null, title: 'Pengembangan SDM', signedOn: '2024-03-01', startsOn: null, endsOn: null, scope: null },
    });
  });

  it('sends a new draft with its OPD, sector, partner and kind of cooperation', () => {
    const unit = '11111111-1111-4111-8111-111111111111';
    const values = { ...initialReviewValues({ fields }), leadUnitId: unit, primarySectorCode: 'pendidikan', partnerCategoryCode: 'perguruan_tinggi_negeri', cooperationKind: 'KSDPK' as const };
    expect(acceptInput(values, false)).toMatchObject({ leadUnitId: unit, primarySectorCode: 'pendidikan', partner: { name: 'Universitas Khairun', categoryCode: 'perguruan_tinggi_negeri' }, kind: 'KSDPK' });
    expect(missingDraftInputs(values, false)).toEqual([]);
  });

  it('sends a partner picked from the register by its id, which brings its own category', () => {
    const values = { ...initialReviewValues({ fields }), partnerId: '22222222-2222-4222-8222-222222222222' };
    expect(acceptInput(values, false).partner).toEqual({ id: '22222222-2222-4222-8222-222222222222' });
    expect(missingDraftInputs(values, false)).not.toContain('partnerCategoryCode');
  });

  it('names the draft inputs still empty, and none for a matched scan', () => {
    const values = initialReviewValues({ fields });
    expect(missingDraftInputs(values, false)).toEqual(['leadUnitId', 'primarySectorCode', 'partnerCategoryCode', 'cooperationKind']);
    expect(missingDraftInputs(values, true)).toEqual([]);
    expect(acceptInput(values, false)).not.toHaveProperty('partner');
  });

  it('marks a reading below 80 % (or without a figure) as unsure and shows whole percents', () => {
    expect(isUnsure(0.95)).toBe(false);
    expect(isUnsure(0.6)).toBe(true);
    expect(isUnsure(undefined)).toBe(true);
    expect(confidencePercent(0.904)).toBe(90);
  });

  it('puts a server error under the input it concerns', () => {
    expect(reviewInputOf('fields.title')).toBe('title');
    expect(reviewInputOf('partner')).toBe('partnerName');
    expect(reviewInputOf('partner.categoryCode')).toBe('partnerCategoryCode');
    expect(reviewInputOf('partners.0.categoryCode')).toBe('partnerCategoryCode');
    expect(reviewInputOf('partners.0.id')).toBe('partnerName');
    expect(reviewInputOf('kind')).toBe('cooperationKind');
    expect(reviewInputOf('leadUnitId')).toBe('leadUnitId');
    expect(reviewInputOf('body')).toBeNull();
  });

  it('names the register fields an acceptance filled as the review names them', () => {
    expect(reviewFieldOfColumn('numberPartner')).toBe('nomorMitra');
    expect(reviewFieldOfColumn('scope')).toBe('scope');
    expect(reviewFieldOfColumn('valueIdr')).toBeNull();
  });
});
