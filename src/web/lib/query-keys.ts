// The first element of every query key names whose data it is. Each feature builds its key
// factory (features/<f>/api) on its root here, and a write in one feature refreshes another
// feature's data through that root, never by importing the other feature.
export const queryRoots = {
  session: ['session'],
  settings: ['settings'],
  master: ['master'],
  agreements: ['agreements'],
  partners: ['partners'],
  proposals: ['proposals'],
  procedures: ['procedures'],
  draftTemplates: ['draft-templates'],
  dissemination: ['dissemination'],
  plans: ['plans'],
  realisation: ['realisation'],
  evaluation: ['evaluation'],
  renewal: ['renewal'],
  obligations: ['obligations'],
  notifications: ['notifications'],
  users: ['users'],
  imports: ['imports'],
  intake: ['intake'],
  stats: ['stats'],
  impactStudy: ['impact-study'],
  home: ['home'],
  statutoryReports: ['statutory-reports'],
  leadership: ['leadership'],
} as const;

// Server state that more than one feature reads: one key each, so one cached copy each, and a
// write refreshes every screen that shows it.
export const sharedKeys = {
  settings: queryRoots.settings,
  master: queryRoots.master,
  agreement: (id: string) => [...queryRoots.agreements, 'detail', id] as const,
  agreementDocuments: (agreementId: string) => [...queryRoots.agreements, 'documents', agreementId] as const,
  procedures: [...queryRoots.procedures, 'list'] as const,
  intakeBatch: (batchId: string) => [...queryRoots.intake, 'batch', batchId] as const,
};
