import { describe, expect, it } from 'vitest';
import type { ProcedureView } from '../../../../shared/procedures';
import { AppError } from '../../../lib/errors';
import { checkDraftingAllowed, checkTypeFitsKind, endOfTerm, placeOf, registrationPlace, typesForKind } from './signing.rules';

const stage = (code: string) => ({ code, name: code, description: null, requiredDocTypes: { opd: [], external: [] }, targetDays: 7, isDprdApproval: code === 'persetujuan_dprd' });
const procedure: ProcedureView = {
  kind: 'KSDPK',
  name: 'KSDPK',
  description: null,
  stages: ['registrasi_validasi', 'pembahasan_tkksd', 'penawaran_tanggapan', 'penyusunan_kb', 'penandatanganan_kb', 'persetujuan_dprd', 'penyusunan_pks', 'penandatanganan_pks', 'terdaftar'].map(stage),
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function reasonOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return (error.details as { reason?: string } | undefined)?.reason ?? error.code;
    throw error;
  }
  return 'allowed';
}

describe('signing rules', () => {
  it('ends a term the day before the same date so many months later, clamping to the month', () => {
    expect(endOfTerm('2026-06-20', 24)).toBe('2028-06-19');
    expect(endOfTerm('2027-01-15', 24)).toBe('2029-01-14');
    expect(endOfTerm('2026-01-31', 1)).toBe('2026-02-28');
    expect(endOfTerm('2026-03-01', 1)).toBe('2026-03-31');
    expect(endOfTerm('2028-01-01', 12)).toBe('2028-12-31');
    expect(endOfTerm('2026-03-01', 600)).toBe('2076-02-29');
  });

  it('signs an NK for sinergi and a KB and PKS for every other kind', () => {
    expect(typesForKind('SINERGI')).toEqual(['nk']);
    expect(typesForKind('KSDD')).toEqual(['kb', 'pks']);
    expect(reasonOf(() => checkTypeFitsKind('SINERGI', 'kb'))).toBe('VALIDATION');
    expect(reasonOf(() => checkTypeFitsKind('KSDLL', 'nk'))).toBe('VALIDATION');
    expect(reasonOf(() => checkTypeFitsKind('KSDLL', 'pks'))).toBe('allowed');
  });

  it('places a proposal before, at or after a stage, and knows no stage the procedure lacks', () => {
    expect(placeOf(procedure, { currentStage: 'penyusunan_kb', stageCode: 'penandatanganan_kb' })).toBe('before');
    expect(placeOf(procedure, { currentStage: 'penandatanganan_kb', stageCode: 'penandatanganan_kb' })).toBe('at');
    expect(placeOf(procedure, { currentStage: 'terdaftar', stageCode: 'penandatanganan_kb' })).toBe('after');
    expect(placeOf(procedure, { currentStage: 'penyusunan_kb', stageCode: 'penyusunan_nk' })).toBeNull();
  });

  it('drafts from the drafting stage onwards, for a proposal in progress or registered', () => {
    expect(reasonOf(() => checkDraftingAllowed(procedure, { proposal: { stageCode: 'penawaran_tanggapan', state: 'aktif' }, type: 'kb' }))).toBe('too_early');
    expect(reasonOf(() => checkDraftingAllowed(procedure, { proposal: { stageCode: 'penyusunan_kb', state: 'aktif' }, type: 'kb' }))).toBe('allowed');
    expect(reasonOf(() => checkDraftingAllowed(procedure, { proposal: { stageCode: 'penyusunan_kb', state: 'aktif' }, type: 'pks' }))).toBe('too_early');
    expect(reasonOf(() => checkDraftingAllowed(procedure, { proposal: { stageCode: 'terdaftar', state: 'terdaftar' }, type: 'pks' }))).toBe('allowed');
    expect(reasonOf(() => checkDraftingAllowed(procedure, { proposal: { stageCode: 'penyusunan_kb', state: 'dikembalikan' }, type: 'kb' }))).toBe('allowed');
    expect(reasonOf(() => checkDraftingAllowed(procedure, { proposal: { stageCode: 'penyusunan_kb', state: 'ditolak' }, type: 'kb' }))).toBe('not_in_progress');
    expect(reasonOf(() => checkDraftingAllowed(procedure, { proposal: { stageCode: 'penyusunan_kb', state: 'aktif' }, type: 'nk' }))).toBe('unknown_stage');
  });

  it('registers at or after the signing stage of an active proposal only', () => {
    expect(registrationPlace(procedure, { proposal: { stageCode: 'penandatanganan_kb', state: 'aktif' }, type: 'kb' })).toBe('at');
    expect(registrationPlace(procedure, { proposal: { stageCode: 'penyusunan_pks', state: 'aktif' }, type: 'kb' })).toBe('after');
    expect(reasonOf(() => registrationPlace(procedure, { proposal: { stageCode: 'penyusunan_kb', state: 'aktif' }, type: 'kb' }))).toBe('wrong_stage');
    expect(reasonOf(() => registrationPlace(procedure, { proposal: { stageCode: 'penandatanganan_kb', state: 'dikembalikan' }, type: 'kb' }))).toBe('sent_back');
    expect(reasonOf(() => registrationPlace(procedure, { proposal: { stageCode: 'terdaftar', state: 'terdaftar' }, type: 'pks' }))).toBe('closed');
  });
});
