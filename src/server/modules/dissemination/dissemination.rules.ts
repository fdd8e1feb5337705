import { DEADLINE_REQUIRED, type SavePackageInput, type TaskInput } from '../../../shared/dissemination';
import { AppError, invalid } from '../../lib/errors';
import type { PackageRow } from './dissemination.repository';

const TYPE_LABEL: Record<string, string> = { beasiswa: 'beasiswa', pembiayaan: 'pembiayaan' };

// What exists of what a package refers to: the OPDs of its tasks, the sectors of its opportunities,
// and which of its public documents belong to its agreement.
export type FoundReferences = { unitIds: Set<string>; sectorCodes: Set<string>; documentIds: Set<string> };

// Every reference a package makes must exist before anything is written.
export function checkPackageReferences(input: SavePackageInput, found: FoundReferences): void {
  const taskIndex = input.tasks.findIndex((task) => !found.unitIds.has(task.unitId));
  if (taskIndex >= 0) {
    throw invalid(`tasks.${taskIndex}.unitId`, { message: `Tugas ke-${taskIndex + 1}: OPD tidak ditemukan.`, messageEn: `Task ${taskIndex + 1}: the OPD (tasks.${taskIndex}.unitId) does not exist.` });
  }
  for (const [index, opportunity] of input.opportunities.entries()) {
    const unknown = opportunity.sectorCodes.findIndex((code) => !found.sectorCodes.has(code));
    if (unknown >= 0) {
      const field = `opportunities.${index}.sectorCodes.${unknown}`;
      throw invalid(field, { message: `Peluang "${opportunity.title}": bidang "${opportunity.sectorCodes[unknown] ?? ''}" tidak dikenal.`, messageEn: `Opportunity "${opportunity.title}": unknown sector (${field}).` });
    }
  }
  const documentIndex = input.publicDocumentIds.findIndex((id) => !found.documentIds.has(id));
  if (documentIndex >= 0) {
    throw invalid(`publicDocumentIds.${documentIndex}`, { message: 'Dokumen bukan milik naskah ini.', messageEn: `publicDocumentIds.${documentIndex}: the document does not belong to this agreement.` });
  }
}

type Publishable = Pick<PackageRow, 'summaryWhat'> & { opportunities: { type: string; title: string; deadline: string | null }[] };

// The refusal opens with what was being done: publishing, or saving a package already published.
const REFUSED = {
  publish: { id: 'Paket belum dapat diterbitkan', en: 'The package cannot be published' },
  edit: { id: 'Perubahan paket yang sudah terbit tidak dapat disimpan', en: 'The change to the published package cannot be saved' },
};

// What a citizen needs while a package is out: what it is about, and the deadline of every
// scholarship and financing offer. Checked at publication and at every edit afterwards.
export function checkPublishable(pkg: Publishable, doing: keyof typeof REFUSED = 'publish'): void {
  const refused = REFUSED[doing];
  if (!pkg.summaryWhat || pkg.summaryWhat.trim() === '') {
    throw new AppError({
      code: 'VALIDATION',
      message: `${refused.id}: ringkasan (apa isi kerja sama ini) belum diisi.`,
      messageEn: `${refused.en}: the summary (summaryWhat) is empty.`,
      field: 'summaryWhat',
      issues: [{ path: 'summaryWhat', message: 'Ringkasan wajib diisi.' }],
    });
  }
  const index = pkg.opportunities.findIndex((opportunity) => DEADLINE_REQUIRED.includes(opportunity.type as never) && !opportunity.deadline);
  const missing = pkg.opportunities[index];
  if (missing) {
    const field = `opportunities.${index}.deadline`;
    throw new AppError({
      code: 'VALIDATION',
      message: `${refused.id}: peluang ${TYPE_LABEL[missing.type] ?? missing.type} "${missing.title}" belum memiliki batas waktu.`,
      messageEn: `${refused.en}: the ${missing.type} opportunity "${missing.title}" has no deadline (${field}).`,
      field,
      issues: [{ path: field, message: 'Batas waktu wajib diisi.' }],
    });
  }
}

type KeptTask = { id: string; unitId: string; unitName: string; commitment: string };

// An OPD that acknowledged the package has taken its tasks on: an edit may reword them or move their
// due date, not drop them or hand them to another OPD. Tasks have no done/cancelled state to use instead.
export function checkAcknowledgedTasksKept(previous: KeptTask[], { tasks, acknowledgedUnitIds }: { tasks: TaskInput[]; acknowledgedUnitIds: Set<string> }): void {
  for (const task of previous) {
    if (!acknowledgedUnitIds.has(task.unitId)) continue;
    const index = tasks.findIndex((sent) => sent.id === task.id);
    const sent = tasks[index];
    if (sent && sent.unitId === task.unitId) continue;
    const field = sent ? `tasks.${index}.unitId` : 'tasks';
    throw invalid(
      field,
      { message: `Tugas "${task.commitment}" sudah dikonfirmasi ${task.unitName} dan tidak dapat dihapus atau dipindahkan ke OPD lain.`, messageEn: `The task "${task.commitment}" was acknowledged by ${task.unitName}; it cannot be removed or given to another OPD (${field}).` },
    );
  }
}
