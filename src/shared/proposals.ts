// A proposal (usulan kerja sama) moves through the procedure of its kind, one stage at a time.
// draf: prepared but not yet in the division's queue (an OPD's draft, or a public form awaiting e-mail confirmation).
export const PROPOSAL_STATES = ['draf', 'aktif', 'dikembalikan', 'ditolak', 'dibatalkan', 'terdaftar'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

// A closed proposal accepts no further action.
export const CLOSED_PROPOSAL_STATES: readonly ProposalState[] = ['ditolak', 'dibatalkan', 'terdaftar'];

// submit: into the queue · validate: close the registration stage · advance: close a middle stage ·
// send_back: return with comments · resume: continue where it was · reject · withdraw ·
// register: close the last stage, the agreement is in the register.
export const PROPOSAL_ACTIONS = ['submit', 'validate', 'advance', 'send_back', 'resume', 'reject', 'withdraw', 'register'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

export const PROPOSAL_REFUSALS = ['closed', 'not_submitted', 'already_submitted', 'sent_back', 'not_sent_back', 'wrong_stage', 'unknown_stage', 'missing_documents'] as const;
export type ProposalRefusalCode = (typeof PROPOSAL_REFUSALS)[number];
