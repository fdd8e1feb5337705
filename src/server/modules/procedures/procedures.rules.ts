import { PROCEDURE_DOC_TYPE_LABELS, type InitiatorType, type ProcedureDocType, type ProcedureStage } from '../../../shared/procedures';
import { CLOSED_PROPOSAL_STATES, type ProposalAction, type ProposalRefusalCode, type ProposalState } from '../../../shared/proposals';

// The procedure as a pure state machine: no database, no clock. The service feeds it the facts and
// writes what it answers; every stage × action pair is tested in procedures.rules.test.ts.

export type MachineStage = Pick<ProcedureStage, 'code' | 'name' | 'requiredDocTypes' | 'isDprdApproval'>;
export type ProposalPosition = { stageCode: string; state: ProposalState };

export type MachineInput = {
  stages: readonly MachineStage[];
  position: ProposalPosition;
  initiatorType: InitiatorType;
  // PP 28/2018 Ps 6(2): the cooperation burdens the public and the region, or is not yet funded in the APBD.
  needsDprd: boolean;
  presentDocTypes: readonly ProcedureDocType[];
  action: ProposalAction;
};

export type Refusal = { code: ProposalRefusalCode; message: string; messageEn: string; missingDocTypes?: ProcedureDocType[] };

export type MachineResult =
  | { ok: true; next: ProposalPosition; closedStage: string | null; skippedStages: string[] }
  | { ok: false; refusal: Refusal };

const CLOSED_LABELS: Partial<Record<ProposalState, [string, string]>> = {
  ditolak: ['ditolak', 'rejected'],
  dibatalkan: ['dibatalkan', 'withdrawn'],
  terdaftar: ['terdaftar', 'registered'],
};

const refuse = (code: ProposalRefusalCode, message: string, messageEn: string, missingDocTypes?: ProcedureDocType[]): MachineResult => ({
  ok: false,
  refusal: { code, message, messageEn, ...(missingDocTypes ? { missingDocTypes } : {}) },
});

const stay = (position: ProposalPosition, state: ProposalState): MachineResult => ({
  ok: true,
  next: { stageCode: position.stageCode, state },
  closedStage: null,
  skippedStages: [],
});

// What the stage still lacks. A DPRD stage the proposal does not need asks for nothing.
export function missingDocuments(stage: MachineStage, facts: Pick<MachineInput, 'initiatorType' | 'needsDprd' | 'presentDocTypes'>): ProcedureDocType[] {
  if (stage.isDprdApproval && !facts.needsDprd) return [];
  const present = new Set(facts.presentDocTypes);
  return stage.requiredDocTypes[facts.initiatorType].filter((type) => !present.has(type));
}

// The stage after `index` that applies to this proposal, and the conditional ones passed over.
export function nextApplicableStage(stages: readonly MachineStage[], { index, needsDprd }: { index: number; needsDprd: boolean }): { stage: MachineStage | null; skipped: string[] } {
  const skipped: string[] = [];
  for (const stage of stages.slice(index + 1)) {
    // PP 28/2018 Ps 6(2): no DPRD approval unless the cooperation needs it.
    if (stage.isDprdApproval && !needsDprd) {
      skipped.push(stage.code);
      continue;
    }
    return { stage, skipped };
  }
  return { stage: null, skipped };
}

function closeStage(input: MachineInput, index: number, stage: MachineStage, state: 'aktif' | 'terdaftar'): MachineResult {
  const missing = missingDocuments(stage, input);
  if (missing.length > 0) {
    const names = missing.map((type) => PROCEDURE_DOC_TYPE_LABELS[type].id).join(', ');
    const namesEn = missing.map((type) => PROCEDURE_DOC_TYPE_LABELS[type].en).join(', ');
    return refuse('missing_documents', `Tahap "${stage.name}" belum dapat ditutup. Dokumen yang belum ada: ${names}.`, `The stage "${stage.name}" cannot close yet. Missing documents: ${namesEn}.`, missing);
  }
  if (state === 'terdaftar') return { ok: true, next: { stageCode: stage.code, state }, closedStage: stage.code, skippedStages: [] };
  const { stage: next, skipped } = nextApplicableStage(input.stages, { index, needsDprd: input.needsDprd });
  if (!next) return refuse('wrong_stage', `Tidak ada tahap setelah "${stage.name}".`, `There is no stage after "${stage.name}".`);
  return { ok: true, next: { stageCode: next.code, state: 'aktif' }, closedStage: stage.code, skippedStages: skipped };
}

// validate closes the first stage, register the last one, advance every stage in between.
function moveForward(input: MachineInput, action: 'validate' | 'advance' | 'register', index: number, stage: MachineStage): MachineResult {
  const last = input.stages.length - 1;
  const first = input.stages[0];
  const final = input.stages[last];
  switch (action) {
    case 'validate':
      if (index === 0) return closeStage(input, index, stage, 'aktif');
      return refuse('wrong_stage', `Validasi hanya dilakukan pada tahap "${first?.name ?? ''}".`, `Validation belongs to the stage "${first?.name ?? ''}" only.`);
    case 'register':
      if (index === last) return closeStage(input, index, stage, 'terdaftar');
      return refuse('wrong_stage', `Pendaftaran naskah hanya pada tahap terakhir "${final?.name ?? ''}".`, `Registration belongs to the last stage "${final?.name ?? ''}" only.`);
    case 'advance':
      if (index === 0) return refuse('wrong_stage', `Tahap "${stage.name}" ditutup dengan validasi.`, `The stage "${stage.name}" is closed by validation.`);
      if (index === last) return refuse('wrong_stage', `Tahap terakhir "${stage.name}" ditutup dengan pendaftaran naskah.`, `The last stage "${stage.name}" is closed by registering the agreement.`);
      return closeStage(input, index, stage, 'aktif');
  }
}

function actOnActive(input: MachineInput, index: number): MachineResult {
  const stage = input.stages[index];
  switch (input.action) {
    case 'submit':
      return refuse('already_submitted', 'Usulan sudah diajukan.', 'The proposal has already been submitted.');
    case 'resume':
      return refuse('not_sent_back', 'Usulan tidak sedang dikembalikan, jadi tidak ada yang dilanjutkan.', 'The proposal has not been sent back, so there is nothing to resume.');
    case 'send_back':
      return stay(input.position, 'dikembalikan');
    case 'reject':
      return stay(input.position, 'ditolak');
    case 'withdraw':
      return stay(input.position, 'dibatalkan');
    case 'validate':
    case 'advance':
    case 'register':
      if (!stage) return unknownStage(input.position.stageCode);
      return moveForward(input, input.action, index, stage);
  }
}

function actOnSentBack(input: MachineInput): MachineResult {
  switch (input.action) {
    case 'resume':
      return stay(input.position, 'aktif');
    case 'reject':
      return stay(input.position, 'ditolak');
    case 'withdraw':
      return stay(input.position, 'dibatalkan');
    case 'submit':
    case 'validate':
    case 'advance':
    case 'send_back':
    case 'register':
      return refuse('sent_back', 'Usulan sedang dikembalikan kepada pemrakarsa; lanjutkan prosesnya setelah diperbaiki.', 'The proposal has been sent back to its initiator; resume it once revised.');
  }
}

function actOnDraft(input: MachineInput): MachineResult {
  const first = input.stages[0];
  if (input.action === 'withdraw') return stay(input.position, 'dibatalkan');
  if (input.action !== 'submit') return refuse('not_submitted', 'Usulan masih berupa draf; ajukan terlebih dahulu.', 'The proposal is still a draft; submit it first.');
  if (!first) return unknownStage(input.position.stageCode);
  // A submitted proposal always starts at the first stage of its procedure.
  return { ok: true, next: { stageCode: first.code, state: 'aktif' }, closedStage: null, skippedStages: [] };
}

function unknownStage(code: string): MachineResult {
  return refuse('unknown_stage', `Tahap "${code}" tidak ada dalam prosedur; hubungi Bagian Kerja Sama.`, `The stage "${code}" is not part of the procedure; contact the Cooperation Division.`);
}

export function applyAction(input: MachineInput): MachineResult {
  const { state, stageCode } = input.position;
  if (CLOSED_PROPOSAL_STATES.includes(state)) {
    const [label, labelEn] = CLOSED_LABELS[state] ?? [state, state];
    return refuse('closed', `Usulan sudah ${label} dan tidak dapat diproses lagi.`, `The proposal is already ${labelEn} and accepts no further action.`);
  }
  if (state === 'draf') return actOnDraft(input);
  if (state === 'dikembalikan') return actOnSentBack(input);
  const index = input.stages.findIndex((stage) => stage.code === stageCode);
  // A stage removed from the procedure strands nothing: the proposal can still be rejected or withdrawn.
  if (index < 0 && input.action !== 'reject' && input.action !== 'withdraw' && input.action !== 'send_back') return unknownStage(stageCode);
  return actOnActive(input, index);
}

// The actions the machine accepts now (the caller still asks the policy who may take them).
export function acceptedActions(input: Omit<MachineInput, 'action'>, actions: readonly ProposalAction[]): ProposalAction[] {
  return actions.filter((action) => applyAction({ ...input, action }).ok);
}
