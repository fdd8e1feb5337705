import { DRAFT_TYPE_DOC, DRAFT_TYPE_LABELS, type DraftPlaceholder, type DraftType } from '../../../../shared/proposal-signing';
import type { ActorCtx } from '../../../lib/context';
import { loadProcedure } from '../../procedures/procedures.service';
import { loadDraftTemplate } from './draft-templates.service';
import { DOCX_MIME, renderDraftDocx } from './drafts.docx';
import { checkDraftingAllowed, checkTypeFitsKind } from '../signing/signing.rules';
import { canDownloadDraft } from '../signing/signing.policy';
import * as repo from '../core/proposals.repository';
import { loadReadableProposal } from '../core/proposals-access.service';

export const GOVERNMENT_NAME = 'Pemerintah Kota Ternate';
const NOT_FILLED = '(belum diisi dalam usulan)';

// Several partners read as one list: "A, B dan C".
function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? NOT_FILLED;
  return `${names.slice(0, -1).join(', ')} dan ${names[names.length - 1] ?? ''}`;
}

export function draftValues(row: repo.ProposalRow, { type, unitName }: { type: DraftType; unitName: string | null }): Record<DraftPlaceholder, string> {
  const text = (value: string | null) => (value && value.trim().length > 0 ? value : NOT_FILLED);
  return {
    judul: row.title,
    jenis_naskah: DRAFT_TYPE_LABELS[type].id,
    pemda: GOVERNMENT_NAME,
    mitra: joinNames(row.plannedPartners.map((partner) => partner.name)),
    opd: unitName ?? row.externalInstitution ?? NOT_FILLED,
    latar_belakang: text(row.latarBelakang),
    maksud_tujuan: text(row.maksudTujuan),
    ruang_lingkup: text(row.ruangLingkup),
    lokasi: text(row.lokasi),
    jangka_waktu: row.jangkaWaktuBulan ? `${row.jangkaWaktuBulan} bulan` : 'jangka waktu yang disepakati PARA PIHAK',
    pembiayaan: text(row.pembiayaan),
    peran_para_pihak: text(row.peranParaPihak),
    manfaat: text(row.manfaat),
    kode_usulan: row.trackingCode,
  };
}

// The editable DOCX of a proposal's KB, PKS or NK, from its fields and the division's template.
export async function generateDraft(ctx: ActorCtx, { proposalId, type }: { proposalId: string; type: DraftType }): Promise<{ body: Buffer; fileName: string; mimeType: string }> {
  const row = await loadReadableProposal(ctx, { id: proposalId, may: canDownloadDraft });
  checkTypeFitsKind(row.kind, type);
  checkDraftingAllowed(await loadProcedure(ctx.db, row.kind), { proposal: row, type });
  const [template, unitName] = await Promise.all([loadDraftTemplate(ctx.db, type), repo.unitName(ctx.db, row.unitId)]);
  const body = await renderDraftDocx({
    title: template.title,
    sections: template.sections,
    values: draftValues(row, { type, unitName }),
    description: `Rancangan ${DRAFT_TYPE_LABELS[type].id} — ${row.trackingCode}`,
  });
  return { body, fileName: `Rancangan-${DRAFT_TYPE_DOC[type]}-${row.trackingCode}.docx`, mimeType: DOCX_MIME };
}
