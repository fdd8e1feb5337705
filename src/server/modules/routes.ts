import type { FastifyInstance } from 'fastify';
import { partnersRoutes } from './agreements/agreement-partners.routes';
import { agreementsRoutes } from './agreements/agreements.routes';
import { authRoutes } from './auth/auth.routes';
import { disseminationRoutes } from './dissemination/dissemination.routes';
import { documentsRoutes } from './documents/documents.routes';
import { healthRoutes } from './health/health.routes';
import { importsRoutes } from './imports/imports.routes';
import { intakeRoutes } from './intake/intake.routes';
import { mailRoutes } from './mail/mail.routes';
import { masterRoutes } from './master/master.routes';
import { obligationsRoutes } from './monitoring/obligations.routes';
import { renewalRoutes } from './renewal/renewal.routes';
import { homeRoutes } from './home/home.routes';
import { partnerHealthRoutes } from './agreement-health/partner-health.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { evaluationRoutes } from './evaluation/evaluation.routes';
import { evaluationLinksRoutes } from './evaluation/evaluation-links.routes';
import { plansRoutes } from './plans/plans.routes';
import { realisationRoutes } from './realisation/realisation.routes';
import { proceduresRoutes } from './procedures/procedures.routes';
import { proposalDurationsRoutes } from './proposals/durations/durations.routes';
import { draftTemplatesRoutes } from './proposals/drafts/draft-templates.routes';
import { proposalSigningRoutes } from './proposals/signing/signing.routes';
import { findProposalOfAgreement } from './proposals/signing/signing.service';
import { proposalCommentsRoutes } from './proposals/comments/comments.routes';
import { proposalMeetingsRoutes } from './proposals/meetings/meetings.routes';
import { proposalReviewsRoutes } from './proposals/reviews/reviews.routes';
import { proposalsRoutes } from './proposals/core/proposals.routes';
import { countOpenProposalsOutside } from './proposals/core/proposals.service';
import { publicProposalsRoutes } from './proposals/tracking/tracking.routes';
import { publicRoutes } from './public/public.routes';
import { searchRoutes } from './search/search.routes';
import { settingsRoutes } from './settings/settings.routes';
import { statsRoutes } from './stats/stats.routes';
import { annualReportRoutes } from './annual-report/annual-report.routes';
import { impactStudyRoutes } from './impact-study/impact-study.routes';
import { leadershipRoutes } from './leadership/leadership.routes';
import { usersRoutes } from './users/users.routes';
import { canDeleteDocument, canUploadDocument } from './documents/documents.policy';
import { sessionAbilities } from './session-abilities';

// The onRequest hook that reads the session cookie into request.actor; app.ts adds it before the
// role gate, and takes it from here since a module's routes file is not for others to import.
export { resolveSessionActor } from './auth/auth.routes';

// Every module's routes, mounted under /api. A module adds one line here.
export async function registerModules(app: FastifyInstance) {
  healthRoutes(app);
  // The session names what the user may do; the policies that say so sit above auth.
  authRoutes(app, { abilitiesOf: sessionAbilities });
  usersRoutes(app);
  masterRoutes(app);
  settingsRoutes(app);
  partnersRoutes(app);
  // An agreement's view names the proposal it came from and whether the reader may keep its files;
  // proposals and documents sit above agreements.
  agreementsRoutes(app, {
    proposalOf: findProposalOfAgreement,
    documentRightsOf: (actor) => ({ canUpload: canUploadDocument(actor), canDelete: canDeleteDocument(actor) }),
  });
  documentsRoutes(app);
  searchRoutes(app);
  importsRoutes(app);
  intakeRoutes(app);
  statsRoutes(app);
  impactStudyRoutes(app);
  leadershipRoutes(app);
  publicRoutes(app);
  // Procedures sit below proposals: the proposals module answers which stages still hold open proposals.
  proceduresRoutes(app, { openProposalsOutside: countOpenProposalsOutside });
  proposalsRoutes(app);
  proposalReviewsRoutes(app);
  proposalCommentsRoutes(app);
  proposalMeetingsRoutes(app);
  proposalSigningRoutes(app);
  draftTemplatesRoutes(app);
  proposalDurationsRoutes(app);
  publicProposalsRoutes(app);
  mailRoutes(app);
  notificationsRoutes(app);
  disseminationRoutes(app);
  plansRoutes(app);
  realisationRoutes(app);
  evaluationRoutes(app);
  evaluationLinksRoutes(app);
  obligationsRoutes(app);
  renewalRoutes(app);
  homeRoutes(app);
  partnerHealthRoutes(app);
  annualReportRoutes(app);
}
