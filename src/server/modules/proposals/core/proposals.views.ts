import type { ProposalAbilities } from '../../../../shared/abilities';
import type { ProcedureView } from '../../../../shared/procedures';
import {
  PROPOSAL_ACTIONS,
  type ProposalDocumentView,
  type ProposalEventView,
  type ProposalStageView,
  type ProposalSummary,
  type ProposalView,
} from '../../../../shared/proposals';
import type { Actor } from '../../../lib/context';
import { acceptedActions, missingDocuments, type MachineInput } from '../../procedures/procedures.rules';
import { canManageReview } from '../reviews/reviews.policy';
import { canManageSigning, canOfferDrafts } from '../signing/signing.policy';
import { canEditProposal, canManageTrackingLinkOf, canTakeAction, canUploadProposalDocument } from './proposals.policy';
import type { ProposalDocumentRow, ProposalEventRow, ProposalRow } from './proposals.repository';

// What this reader may do with the proposal now, each from the policy that guards the act.
function proposalAbilities(actor: Actor, row: ProposalRow): ProposalAbilities {
  return {
    canEdit: canEditProposal(actor, row),
    canUploadDocuments: canUploadProposalDocument(actor, row),
    canDownloadDrafts: canOfferDrafts(actor, row),
    canManageReview: canManageReview(actor),
    canManageSigning: canManageSigning(actor, row),
    canManageTrackingLink: canManageTrackingLinkOf(actor, row),
  };
}

export function machineFacts(row: ProposalRow, { procedure, documents }: { procedure: ProcedureView; documents: Pick<ProposalDocumentRow, 'docType'>[] }): Omit<MachineInput, 'action'> {
  return {
    stages: procedure.stages,
    position: { stageCode: row.stageCode, state: row.state },
    initiatorType: row.initiatorType,
    needsDprd: row.needsDprd ?? (row.burdensPublic || row.unbudgetedInApbd),
    presentDocTypes: [...new Set(documents.map((document) => document.docType))],
  };
}

export function toDocumentView(row: ProposalDocumentRow, isLatest: boolean): ProposalDocumentView {
  return {
    id: row.id,
    docType: row.docType,
    versionNo: row.versionNo,
    isLatest,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    pageCount: row.pageCount,
    needsOcr: row.needsOcr,
    activeContent: row.activeContent,
    note: row.note,
    uploadedVia: row.uploadedVia,
    createdAt: row.createdAt.toISOString(),
  };
}

// Rows come newest version first within each type.
export function documentViews(rows: ProposalDocumentRow[]): ProposalDocumentView[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const isLatest = !seen.has(row.docType);
    seen.add(row.docType);
    return toDocumentView(row, isLatest);
  });
}

export function toEventView(row: ProposalEventRow): ProposalEventView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    fromStage: row.fromStage,
    toStage: row.toStage,
    fromState: row.fromState,
    toState: row.toState,
    note: row.note,
    actorLabel: row.actorLabel,
  };
}

export function stageViews(row: ProposalRow, procedure: ProcedureView): ProposalStageView[] {
  const current = procedure.stages.findIndex((stage) => stage.code === row.stageCode);
  const needsDprd = row.needsDprd ?? false;
  return procedure.stages.map((stage, position) => {
    const skipped = stage.isDprdApproval && !needsDprd;
    let status: ProposalStageView['status'] = 'menunggu';
    if (position < current) status = skipped ? 'dilewati' : 'selesai';
    else if (position === current) status = row.state === 'terdaftar' ? 'selesai' : 'berjalan';
    else if (skipped) status = 'dilewati';
    return {
      code: stage.code,
      name: stage.name,
      position,
      targetDays: stage.targetDays,
      isDprdApproval: stage.isDprdApproval,
      status,
      requiredDocTypes: stage.requiredDocTypes[row.initiatorType],
    };
  });
}

export function toSummary(row: ProposalRow, { unitName, stageName }: { unitName: string | null; stageName: string | null }): ProposalSummary {
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    kind: row.kind,
    title: row.title,
    initiatorType: row.initiatorType,
    unit: row.unitId ? { id: row.unitId, name: unitName ?? '' } : null,
    externalInstitution: row.externalInstitution,
    stageCode: row.stageCode,
    stageName,
    state: row.state,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function proposalFieldsOf(row: ProposalRow) {
  return {
    kind: row.kind,
    title: row.title,
    plannedPartners: row.plannedPartners,
    sectorCodes: row.sectorCodes,
    latarBelakang: row.latarBelakang ?? '',
    maksudTujuan: row.maksudTujuan ?? '',
    lokasi: row.lokasi,
    ruangLingkup: row.ruangLingkup ?? '',
    peranParaPihak: row.peranParaPihak,
    jangkaWaktuBulan: row.jangkaWaktuBulan,
    jangkaWaktuAlasan: row.jangkaWaktuAlasan,
    manfaat: row.manfaat ?? '',
    dampakSosial: row.dampakSosial,
    dampakEkonomi: row.dampakEkonomi,
    dampakLingkungan: row.dampakLingkungan,
    pembiayaan: row.pembiayaan,
    burdensPublic: row.burdensPublic,
    unbudgetedInApbd: row.unbudgetedInApbd,
  };
}

export function buildProposalView(options: {
  row: ProposalRow;
  unitName: string | null;
  procedure: ProcedureView;
  documents: ProposalDocumentRow[];
  events: ProposalEventRow[];
  registeredAgreements?: ProposalView['registeredAgreements'];
  actor: Actor;
}): ProposalView {
  const { row, procedure, documents, actor } = options;
  const facts = machineFacts(row, { procedure, documents });
  const stage = procedure.stages.find((candidate) => candidate.code === row.stageCode);
  const external = row.initiatorType === 'external' && row.externalInstitution && row.externalEmail
    ? { institution: row.externalInstitution, contactName: row.externalContactName ?? '', email: row.externalEmail, phone: row.externalPhone }
    : null;
  return {
    ...toSummary(row, { unitName: options.unitName, stageName: stage?.name ?? null }),
    ...proposalFieldsOf(row),
    external,
    needsDprd: facts.needsDprd,
    closedAt: row.closedAt?.toISOString() ?? null,
    emailConfirmedAt: row.emailConfirmedAt?.toISOString() ?? null,
    stages: stageViews(row, procedure),
    missingDocTypes: stage ? missingDocuments(stage, facts) : [],
    allowedActions: acceptedActions(facts, PROPOSAL_ACTIONS).filter((action) => canTakeAction(actor, { proposal: row, action })),
    abilities: proposalAbilities(actor, row),
    documents: documentViews(documents),
    timeline: options.events.map(toEventView),
    registeredAgreements: options.registeredAgreements ?? [],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
