import type { Actor } from '../../lib/context';

// The statutory reports are the Wali Kota's, prepared by the division (Bagian Kerja Sama): it
// generates, edits, finalises and records the submission; the TKKSD and the leadership read and
// download them. An OPD's part reaches the report through its realisation reports, not here.
// A null actor is the command line on the server itself.
export function canReadStatutoryReports(actor: Actor | null): boolean {
  if (!actor) return true;
  return actor.role === 'admin' || actor.role === 'tkksd' || actor.role === 'pimpinan';
}

export function canManageStatutoryReports(actor: Actor | null): boolean {
  if (!actor) return true;
  return actor.role === 'admin';
}
