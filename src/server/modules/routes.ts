import type { FastifyInstance } from 'fastify';
import { partnersRoutes } from './agreements/agreement-partners.routes';
import { agreementsRoutes } from './agreements/agreements.routes';
import { authRoutes } from './auth/auth.routes';
import { disseminationRoutes } from './dissemination/dissemination.routes';
import { documentsRoutes } from './documents/documents.routes';
import { healthRoutes } from './health/health.routes';
import { importsRoutes } from './imports/imports.routes';
import { mailRoutes } from './mail/mail.routes';
import { masterRoutes } from './master/master.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { plansRoutes } from './plans/plans.routes';
import { proceduresRoutes } from './procedures/procedures.routes';
import { proposalDurationsRoutes } from './proposals/proposal-durations.routes';
import { draftTemplatesRoutes } from './proposals/draft-templates.routes';
import { proposalSigningRoutes } from './proposals/proposal-signing.routes';
import { findProposalOfAgreement } from './proposals/proposal-signing.service';
import { proposalCommentsRoutes } from './proposals/proposal-comments.routes';
import { proposalMeetingsRoutes } from './proposals/proposal-meetings.routes';
import { proposalReviewsRoutes } from './proposals/proposal-reviews.routes';
import { proposalsRoutes } from './proposals/proposals.routes';
import { publicProposalsRoutes } from './proposals/public-proposals.routes';
import { publicRoutes } from './public/public.routes';
import { searchRoutes } from './search/search.routes';
import { settingsRoutes } from './settings/settings.routes';
import { statsRoutes } from './stats/stats.routes';
import { usersRoutes } from './users/users.routes';

// The onRequest hook that reads the session cookie into request.actor; app.ts adds it before the
// role gate, and takes it from here since a module's routes file is not for others to import.
export { resolveSessionActor } from './auth/auth.routes';

// Every module's routes, mounted under /api. A module adds one line here.
export async function registerModules(app: FastifyInstance) {
  healthRoutes(app);
  authRoutes(app);
  usersRoutes(app);
  masterRoutes(app);
  settingsRoutes(app);
  partnersRoutes(app);
  // An agreement's view names the proposal it came from; proposals sit above agreements.
  agreementsRoutes(app, { proposalOf: findProposalOfAgreement });
  documentsRoutes(app);
  searchRoutes(app);
  importsRoutes(app);
  statsRoutes(app);
  publicRoutes(app);
  proceduresRoutes(app);
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
}
