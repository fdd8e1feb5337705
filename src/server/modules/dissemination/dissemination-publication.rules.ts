import type { PackageActionInput, PackageState } from '../../../shared/dissemination';
import type { Actor } from '../../lib/context';
import type { AuditChange } from '../audit/audit.service';
import { AppError, invalid } from '../../lib/errors';
import { canApprovePublication } from './dissemination.policy';
import type { PackageRow } from './dissemination.repository';

export type PublicationStep = {
  to: PackageState;
  patch: Partial<PackageRow>;
  audit: 'submit' | 'return' | 'publish' | 'request_publication' | 'approve_publication' | 'send_back';
  changes: AuditChange[];
};

const NO_REQUEST = { publicationRequestedBy: null, publicationRequestedByName: null, publicationRequestedAt: null };

function wrongState(before: PackageRow, action: string): AppError {
  return new AppError({
    code: 'CONFLICT',
    message: `Paket berstatus "${before.status}"; tindakan "${action}" tidak dapat dilakukan.`,
    messageEn: `The package is "${before.status}"; "${action}" is not possible now.`,
    field: 'action',
  });
}

function noRequest(): AppError {
  return new AppError({ code: 'CONFLICT', message: 'Tidak ada permintaan penerbitan yang menunggu persetujuan.', messageEn: 'No publication request is waiting for approval.', field: 'action' });
}

function statusChange(before: PackageRow, to: PackageState): AuditChange[] {
  return before.status === to ? [] : [{ field: 'status', old: before.status, new: to }];
}

// What one action does to a package: the state it reaches, the columns it sets, how the audit
// trail names it. Throws, before anything is written, when the action is not possible now.
export function publicationStep(actor: Actor, { before, input, fourEyes, now }: { before: PackageRow; input: PackageActionInput; fourEyes: boolean; now: Date }): PublicationStep {
  const requestedBy = before.status === 'review' ? before.publicationRequestedBy : null;
  switch (input.action) {
    case 'submit':
      if (before.status !== 'draft') throw wrongState(before, input.action);
      return { to: 'review', patch: { submittedBy: actor.id, submittedAt: now, sentBackNote: null, sentBackByName: null, sentBackAt: null }, audit: 'submit', changes: statusChange(before, 'review') };
    case 'return':
      if (before.status !== 'review') throw wrongState(before, input.action);
      return { to: 'draft', patch: NO_REQUEST, audit: 'return', changes: statusChange(before, 'draft') };
    case 'publish':
      if (before.status !== 'review') throw wrongState(before, input.action);
      if (!fourEyes) return publishNow(actor, before, now);
      if (requestedBy) {
        throw new AppError({
          code: 'CONFLICT',
          message: `Penerbitan sudah diajukan oleh ${before.publicationRequestedByName ?? 'admin'} dan menunggu persetujuan orang kedua.`,
          messageEn: `Publication was already requested by ${before.publicationRequestedByName ?? 'an admin'} and waits for a second person's approval.`,
          field: 'action',
        });
      }
      return {
        to: 'review',
        patch: { publicationRequestedBy: actor.id, publicationRequestedByName: actor.name, publicationRequestedAt: now },
        audit: 'request_publication',
        changes: [{ field: 'publicationRequestedBy', old: null, new: actor.id }],
      };
    case 'approve':
      checkApprover(actor, requestedBy);
      return { ...publishNow(actor, before, now), audit: 'approve_publication' };
    case 'sendBack': {
      checkApprover(actor, requestedBy);
      const note = input.note?.trim() ?? '';
      if (note === '') throw invalid('note', { message: 'Catatan wajib diisi: tuliskan apa yang perlu diperbaiki.', messageEn: 'The note is required: say what needs to change (note).' });
      return {
        to: 'draft',
        patch: { ...NO_REQUEST, sentBackNote: note, sentBackByName: actor.name, sentBackAt: now },
        audit: 'send_back',
        changes: [...statusChange(before, 'draft'), { field: 'sentBackNote', old: null, new: note }],
      };
    }
  }
}

function publishNow(actor: Actor, before: PackageRow, now: Date): PublicationStep {
  return { to: 'published', patch: { ...NO_REQUEST, approvedBy: actor.id, approvedByName: actor.name, publishedAt: now }, audit: 'publish', changes: statusChange(before, 'published') };
}

// The requester never answers their own request: that is the point of a second pair of eyes.
function checkApprover(actor: Actor, requestedBy: string | null): void {
  if (!requestedBy) throw noRequest();
  if (canApprovePublication(actor, { requestedBy })) return;
  throw new AppError({
    code: 'FORBIDDEN',
    message: requestedBy === actor.id ? 'Permintaan penerbitan harus disetujui orang lain, bukan pengajunya sendiri.' : 'Anda tidak berhak menyetujui penerbitan paket ini.',
    messageEn: requestedBy === actor.id ? 'A publication request must be approved by somebody else, not by its requester.' : 'You may not approve the publication of this package.',
  });
}
