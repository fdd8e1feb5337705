import { and, eq, inArray } from 'drizzle-orm';
import { DEADLINE_REQUIRED, type SavePackageInput, type TaskInput } from '../../../shared/dissemination';
import type { Db } from '../../db/client';
import { AppError, invalid } from '../../lib/errors';
import { documents } from '../documents/documents.table';
import { sectors } from '../master/master.table';
import { units } from '../units/units.table';
import type { PackageRow } from './dissemination.repository';

const TYPE_LABEL: Record<string, string> = { beasiswa: 'beasiswa', pembiayaan: 'pembiayaan' };

// Every reference a package makes must exist before anything is written.
export async function checkPackageReferences(db: Db, agreementId: string, input: SavePackageInput): Promise<void> {
  const unitIds = [...new Set(input.tasks.map((task) => task.unitId))];
  if (unitIds.length > 0) {
    const found = new Set((await db.select({ id: units.id }).from(units).where(inArray(units.id, unitIds))).map((row) => row.id));
    const index = input.tasks.findIndex((task) => !found.has(task.unitId));
    if (index >= 0) {
      throw invalid(`tasks.${index}.unitId`, `Tugas ke-${index + 1}: OPD tidak ditemukan.`, `Task ${index + 1}: the OPD (tasks.${index}.unitId) does not exist.`);
    }
  }
  const sectorCodes = [...new Set(input.opportunities.flatMap((opportunity) => opportunity.sectorCodes))];
  if (sectorCodes.length > 0) {
    const known = new Set((await db.select({ code: sectors.code }).from(sectors).where(inArray(sectors.code, sectorCodes))).map((row) => row.code));
    for (const [index, opportunity] of input.opportunities.entries()) {
      const unknown = opportunity.sectorCodes.findIndex((code) => !known.has(code));
      if (unknown >= 0) {
        const field = `opportunities.${index}.sectorCodes.${unknown}`;
        throw invalid(field, `Peluang "${opportunity.title}": bidang "${opportunity.sectorCodes[unknown] ?? ''}" tidak dikenal.`, `Opportunity "${opportunity.title}": unknown sector (${field}).`);
      }
    }
  }
  if (input.publicDocumentIds.length > 0) {
    const own = new Set(
      (await db.select({ id: documents.id }).from(documents).where(and(eq(documents.agreementId, agreementId), inArray(documents.id, input.publicDocumentIds)))).map((row) => row.id),
    );
    const index = input.publicDocumentIds.findIndex((id) => !own.has(id));
    if (index >= 0) {
      throw invalid(`publicDocumentIds.${index}`, 'Dokumen bukan milik naskah ini.', `publicDocumentIds.${index}: the document does not belong to this agreement.`);
    }
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
export function checkAcknowledgedTasksKept(previous: KeptTask[], tasks: TaskInput[], acknowledgedUnitIds: Set<string>): void {
  for (const task of previous) {
    if (!acknowledgedUnitIds.has(task.unitId)) continue;
    const index = tasks.findIndex((sent) => sent.id === task.id);
    const sent = tasks[index];
    if (sent && sent.unitId === task.unitId) continue;
    const field = sent ? `tasks.${index}.unitId` : 'tasks';
    throw invalid(
      field,
      `Tugas "${task.commitment}" sudah dikonfirmasi ${task.unitName} dan tidak dapat dihapus atau dipindahkan ke OPD lain.`,
      `The task "${task.commitment}" was acknowledged by ${task.unitName}; it cannot be removed or given to another OPD (${field}).`,
    );
  }
}
