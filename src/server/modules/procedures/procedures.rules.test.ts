import { describe, expect, it } from 'vitest';
import { PROCEDURE_DOC_TYPES, type InitiatorType, type ProcedureDocType } from '../../../shared/procedures';
import { PROPOSAL_ACTIONS, PROPOSAL_STATES, type ProposalAction, type ProposalState } from '../../../shared/proposals';
import { acceptedActions, applyAction, type MachineResult, type MachineStage } from './procedures.rules';

// Fixtures shaped like the seeded procedures: KB/PKS kinds (KSDPK papers) and Sinergi.
const stage = (code: string, opd: ProcedureDocType[], external: ProcedureDocType[] = opd, isDprdApproval = false): MachineStage => ({
  code,
  name: `Tahap ${code}`,
  requiredDocTypes: { opd, external },
  isDprdApproval,
});

const KB_PKS: MachineStage[] = [
  stage('registrasi_validasi', ['kak', 'studi_kelayakan', 'surat_inisiasi', 'sk_ppksd'], ['surat_penawaran', 'kak', 'studi_kelayakan']),
  stage('pembahasan_tkksd', ['berita_acara']),
  stage('penawaran_tanggapan', ['surat_penawaran', 'surat_tanggapan']),
  stage('penyusunan_kb', ['rancangan_kb']),
  stage('penandatanganan_kb', ['kb']),
  stage('persetujuan_dprd', ['persetujuan_dprd'], ['persetujuan_dprd'], true),
  stage('penyusunan_pks', ['rancangan_pks']),
  stage('penandatanganan_pks', ['pks']),
  stage('terdaftar', []),
];

const SINERGI: MachineStage[] = [
  stage('registrasi_validasi', ['kak', 'surat_inisiasi', 'sk_ppksd'], ['surat_penawaran', 'kak']),
  stage('pembahasan_tkksd', ['berita_acara']),
  stage('penawaran_tanggapan', ['surat_penawaran', 'surat_tanggapan']),
  stage('penyusunan_nk', ['rencana_kerja']),
  stage('persetujuan_dprd', ['persetujuan_dprd'], ['persetujuan_dprd'], true),
  stage('penandatanganan_nk', ['nk', 'rencana_kerja']),
  stage('terdaftar', []),
];

type Facts = { state: ProposalState; needsDprd: boolean; initiatorType: InitiatorType; docs: readonly ProcedureDocType[] };
type Expectation =
  | { ok: true; state: ProposalState; stageCode: string; closedStage: string | null; skippedStages: string[] }
  | { ok: false; code: string; missingDocTypes?: ProcedureDocType[] };

// The rules written out once more, as a table generator, independently of the implementation.
function expected(stages: MachineStage[], index: number, action: ProposalAction, facts: Facts): Expectation {
  const here = stages[index]!;
  const to = (state: ProposalState, stageCode = here.code): Expectation => ({ ok: true, state, stageCode, closedStage: null, skippedStages: [] });
  const no = (code: string): Expectation => ({ ok: false, code });
  if (facts.state === 'ditolak' || facts.state === 'dibatalkan' || facts.state === 'terdaftar') return no('closed');
  if (facts.state === 'draf') {
    if (action === 'submit') return to('aktif', stages[0]!.code);
    return action === 'withdraw' ? to('dibatalkan') : no('not_submitted');
  }
  const always: Partial<Record<ProposalAction, ProposalState>> = { reject: 'ditolak', withdraw: 'dibatalkan' };
  if (facts.state === 'dikembalikan') {
    const target = { ...always, resume: 'aktif' as const }[action as 'resume'];
    return target ? to(target) : no('sent_back');
  }
  const simple: Partial<Record<ProposalAction, Expectation>> = {
    submit: no('already_submitted'),
    resume: no('not_sent_back'),
    send_back: to('dikembalikan'),
    reject: to('ditolak'),
    withdraw: to('dibatalkan'),
  };
  if (simple[action]) return simple[action];
  const last = stages.length - 1;
  const closes = (action === 'validate' && index === 0) || (action === 'register' && index === last) || (action === 'advance' && index > 0 && index < last);
  if (!closes) return no('wrong_stage');
  const required = here.isDprdApproval && !facts.needsDprd ? [] : here.requiredDocTypes[facts.initiatorType];
  const missing = required.filter((type) => !facts.docs.includes(type));
  if (missing.length > 0) return { ok: false, code: 'missing_documents', missingDocTypes: missing };
  if (action === 'register') return { ok: true, state: 'terdaftar', stageCode: here.code, closedStage: here.code, skippedStages: [] };
  let next = index + 1;
  const skippedStages: string[] = [];
  while (stages[next]!.isDprdApproval && !facts.needsDprd) skippedStages.push(stages[next++]!.code);
  return { ok: true, state: 'aktif', stageCode: stages[next]!.code, closedStage: here.code, skippedStages };
}

function observed(result: MachineResult): Expectation {
  if (!result.ok) {
    expect(result.refusal.message.length).toBeGreaterThan(10);
    expect(result.refusal.messageEn.length).toBeGreaterThan(10);
    return { ok: false, code: result.refusal.code, ...(result.refusal.missingDocTypes ? { missingDocTypes: result.refusal.missingDocTypes } : {}) };
  }
  return { ok: true, state: result.next.state, stageCode: result.next.stageCode, closedStage: result.closedStage, skippedStages: result.skippedStages };
}

const FACT_GRID: Omit<Facts, 'state'>[] = [true, false].flatMap((needsDprd) =>
  (['opd', 'external'] as const).flatMap((initiatorType) =>
    [PROCEDURE_DOC_TYPES, [] as ProcedureDocType[]].map((docs) => ({ needsDprd, initiatorType, docs })),
  ),
);

describe.each([
  ['KB/PKS', KB_PKS],
  ['Sinergi', SINERGI],
] as const)('procedure machine, %s procedure: every stage × action pair', (_label, stages) => {
  const pairs = stages.flatMap((here, index) => PROPOSAL_ACTIONS.map((action) => ({ code: here.code, index, action })));
  it.each(pairs)('$code × $action', ({ index, action }) => {
    for (const state of PROPOSAL_STATES) {
      for (const facts of FACT_GRID) {
        const input = { stages, position: { stageCode: stages[index]!.code, state }, initiatorType: facts.initiatorType, needsDprd: facts.needsDprd, presentDocTypes: facts.docs, action };
        const label = `${state}, dprd=${facts.needsDprd}, ${facts.initiatorType}, docs=${facts.docs.length}`;
        expect(observed(applyAction(input)), label).toEqual(expected(stages, index, action, { ...facts, state }));
      }
    }
  });
});

describe('procedure machine, worked cases', () => {
  const at = (stageCode: string, state: ProposalState = 'aktif') => ({ stageCode, state });
  const base = { stages: KB_PKS, initiatorType: 'opd' as const, needsDprd: false, presentDocTypes: PROCEDURE_DOC_TYPES };

  it('refuses to validate a KSDPK proposal without its feasibility study and names the missing papers', () => {
    const result = applyAction({ ...base, position: at('registrasi_validasi'), presentDocTypes: ['kak', 'surat_inisiasi'], action: 'validate' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.missingDocTypes).toEqual(['studi_kelayakan', 'sk_ppksd']);
    expect(result.refusal.message).toContain('Studi kelayakan');
    expect(result.refusal.messageEn).toContain('Feasibility study');
  });

  it('skips the DPRD stage when the cooperation does not need its approval', () => {
    const result = applyAction({ ...base, position: at('penandatanganan_kb'), action: 'advance' });
    expect(result).toMatchObject({ ok: true, next: { stageCode: 'penyusunan_pks', state: 'aktif' }, skippedStages: ['persetujuan_dprd'] });
  });

  it('stops at the DPRD stage when the cooperation burdens the region or is not yet budgeted', () => {
    const result = applyAction({ ...base, needsDprd: true, position: at('penandatanganan_kb'), action: 'advance' });
    expect(result).toMatchObject({ ok: true, next: { stageCode: 'persetujuan_dprd' }, skippedStages: [] });
    const blocked = applyAction({ ...base, needsDprd: true, presentDocTypes: ['kb'], position: at('persetujuan_dprd'), action: 'advance' });
    expect(blocked).toMatchObject({ ok: false, refusal: { code: 'missing_documents', missingDocTypes: ['persetujuan_dprd'] } });
  });

  it('resumes a sent-back proposal at the stage where it was', () => {
    const sent = applyAction({ ...base, position: at('penyusunan_kb'), action: 'send_back' });
    expect(sent).toMatchObject({ ok: true, next: { stageCode: 'penyusunan_kb', state: 'dikembalikan' } });
    const resumed = applyAction({ ...base, position: at('penyusunan_kb', 'dikembalikan'), action: 'resume' });
    expect(resumed).toMatchObject({ ok: true, next: { stageCode: 'penyusunan_kb', state: 'aktif' } });
  });

  it('walks a complete proposal from draft to the register', () => {
    let position = at('registrasi_validasi', 'draf');
    const steps: ProposalAction[] = ['submit', 'validate', 'advance', 'advance', 'advance', 'advance', 'advance', 'advance', 'register'];
    const visited: string[] = [];
    for (const action of steps) {
      const result = applyAction({ ...base, position, action });
      if (!result.ok) throw new Error(`${action} refused: ${result.refusal.message}`);
      position = result.next;
      visited.push(position.stageCode);
    }
    expect(position).toEqual({ stageCode: 'terdaftar', state: 'terdaftar' });
    expect(visited).not.toContain('persetujuan_dprd');
  });

  it('accepts nothing once a proposal is rejected or withdrawn', () => {
    for (const state of ['ditolak', 'dibatalkan'] as const) {
      expect(acceptedActions({ ...base, position: at('penyusunan_kb', state) }, PROPOSAL_ACTIONS)).toEqual([]);
    }
  });

  it('lets a proposal on a stage removed from the procedure be sent back, rejected or withdrawn only', () => {
    expect(acceptedActions({ ...base, position: at('tahap_lama') }, PROPOSAL_ACTIONS)).toEqual(['send_back', 'reject', 'withdraw']);
    const refused = applyAction({ ...base, position: at('tahap_lama'), action: 'advance' });
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'unknown_stage' } });
  });
});
