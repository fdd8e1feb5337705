import type { CooperationKind } from '../../../../shared/agreement-codes';
import { DRAFT_TYPE_LABELS, type DraftType } from '../../../../shared/proposal-signing';
import type { ProcedureView } from '../../../../shared/procedures';
import type { ProposalState } from '../../../../shared/proposals';
import { AppError } from '../../../lib/errors';

// Where each document is drafted and signed in the procedure (stage codes seeded from domain.md).
export const SIGNING_STAGES: Record<DraftType, { drafting: string; signing: string }> = {
  kb: { drafting: 'penyusunan_kb', signing: 'penandatanganan_kb' },
  pks: { drafting: 'penyusunan_pks', signing: 'penandatanganan_pks' },
  nk: { drafting: 'penyusunan_nk', signing: 'penandatanganan_nk' },
};

// Sinergi with central government signs a Nota Kesepakatan instead of a KB and a PKS.
export function typesForKind(kind: CooperationKind): DraftType[] {
  return kind === 'SINERGI' ? ['nk'] : ['kb', 'pks'];
}

export function checkTypeFitsKind(kind: CooperationKind, type: DraftType): void {
  if (typesForKind(kind).includes(type)) return;
  const label = DRAFT_TYPE_LABELS[type];
  const expected = typesForKind(kind).map((candidate) => candidate.toUpperCase()).join(', ');
  throw new AppError({
    code: 'VALIDATION',
    message: `Usulan ${kind} tidak memakai ${label.id}; naskahnya: ${expected}.`,
    messageEn: `A ${kind} proposal has no ${label.en}; its documents: ${expected}.`,
    field: 'type',
    issues: [{ path: 'type', message: `Usulan ${kind} tidak memakai ${label.id}.` }],
  });
}

export type StagePlace = 'before' | 'at' | 'after';

// Where the proposal stands relative to a stage of its procedure; null when the procedure has no such stage.
export function placeOf(procedure: ProcedureView, { currentStage, stageCode }: { currentStage: string; stageCode: string }): StagePlace | null {
  const target = procedure.stages.findIndex((stage) => stage.code === stageCode);
  const current = procedure.stages.findIndex((stage) => stage.code === currentStage);
  if (target < 0 || current < 0) return null;
  if (current < target) return 'before';
  return current === target ? 'at' : 'after';
}

function stageName(procedure: ProcedureView, code: string): string {
  return procedure.stages.find((stage) => stage.code === code)?.name ?? code;
}

function conflict(message: string, messageEn: string, reason: string): AppError {
  return new AppError({ code: 'CONFLICT', message, messageEn, details: { reason } });
}

// The proposal and the document type a stage check is about.
type StageCheckInput = { proposal: { stageCode: string; state: ProposalState }; type: DraftType };

const LIVE_STATES: readonly ProposalState[] = ['aktif', 'dikembalikan', 'terdaftar'];

// A draft is written from the drafting stage of its document onwards, and stays downloadable later.
export function checkDraftingAllowed(procedure: ProcedureView, { proposal, type }: StageCheckInput): void {
  const { drafting } = SIGNING_STAGES[type];
  if (!LIVE_STATES.includes(proposal.state)) {
    throw conflict('Naskah hanya disusun untuk usulan yang sedang diproses.', 'Drafts are written only for a proposal in progress.', 'not_in_progress');
  }
  const place = placeOf(procedure, { currentStage: proposal.stageCode, stageCode: drafting });
  if (place === null) {
    throw conflict(`Prosedur usulan ini tidak memiliki tahap penyusunan ${type.toUpperCase()}.`, `This proposal's procedure has no drafting stage for the ${type.toUpperCase()}.`, 'unknown_stage');
  }
  if (place === 'before') {
    const name = stageName(procedure, drafting);
    throw conflict(`Rancangan baru dapat disusun mulai tahap "${name}".`, `The draft can be written from the stage "${name}" onwards.`, 'too_early');
  }
}

// Scheduling is part of preparing the signing: from the drafting stage up to the signing itself.
export function checkSchedulingAllowed(procedure: ProcedureView, { proposal, type }: StageCheckInput): void {
  if (proposal.state !== 'aktif') {
    throw conflict('Penandatanganan hanya dijadwalkan untuk usulan yang sedang berjalan.', 'A signing is scheduled only for a proposal in progress.', 'not_in_progress');
  }
  const place = placeOf(procedure, { currentStage: proposal.stageCode, stageCode: SIGNING_STAGES[type].drafting });
  if (place === null) {
    throw conflict(`Prosedur usulan ini tidak memiliki tahap untuk ${type.toUpperCase()}.`, `This proposal's procedure has no stage for the ${type.toUpperCase()}.`, 'unknown_stage');
  }
  if (place === 'before') {
    const name = stageName(procedure, SIGNING_STAGES[type].drafting);
    throw conflict(`Penandatanganan dijadwalkan mulai tahap "${name}".`, `A signing is scheduled from the stage "${name}" onwards.`, 'too_early');
  }
}

// Registration needs the proposal at (or past) the signing stage of its document.
export function registrationPlace(procedure: ProcedureView, { proposal, type }: StageCheckInput): 'at' | 'after' {
  if (proposal.state === 'dikembalikan') {
    throw conflict('Usulan sedang dikembalikan kepada pemrakarsa; lanjutkan prosesnya dahulu.', 'The proposal has been sent back; resume it first.', 'sent_back');
  }
  if (proposal.state !== 'aktif') {
    throw conflict('Usulan sudah ditutup; naskahnya tidak dapat didaftarkan lagi.', 'The proposal is closed; its document cannot be registered.', 'closed');
  }
  const { signing } = SIGNING_STAGES[type];
  const place = placeOf(procedure, { currentStage: proposal.stageCode, stageCode: signing });
  if (place === null) {
    throw conflict(`Prosedur usulan ini tidak memiliki tahap penandatanganan ${type.toUpperCase()}.`, `This proposal's procedure has no signing stage for the ${type.toUpperCase()}.`, 'unknown_stage');
  }
  if (place === 'before') {
    const name = stageName(procedure, signing);
    throw conflict(`Naskah didaftarkan pada tahap "${name}".`, `The document is registered at the stage "${name}".`, 'wrong_stage');
  }
  return place;
}

// The end of the term: the day before the same date jangka waktu months later (24 months from
// 15 January 2027 run to 14 January 2029); when that month has no such date, its last day (one
// month from 31 January runs to the end of February). 'YYYY-MM-DD', computed in UTC to stay exact.
export function endOfTerm(startsOn: string, months: number): string {
  const [year, month, day] = startsOn.split('-').map(Number) as [number, number, number];
  const targetMonth = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  const end = day > lastDay ? new Date(Date.UTC(year, targetMonth, lastDay)) : new Date(Date.UTC(year, targetMonth, day - 1));
  return end.toISOString().slice(0, 10);
}
