import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Ability } from '../../shared/abilities';

export type AppRoute = {
  // Relative to /app, react-router syntax: 'agreements/:id'.
  path: string;
  element: ReactNode;
  // What the session must allow (shared/abilities.ts); omitted: every signed-in user.
  ability?: Ability;
};

// Each screen is its own chunk, loaded when first opened.
function page<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K): ReactNode {
  const Page = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
  return <Page />;
}

// Screens inside the signed-in shell. A new screen adds one line here and one in nav.ts.
export const APP_ROUTES: AppRoute[] = [
  { path: 'home', element: page(() => import('../features/home/components/home-page'), 'HomePage') },
  { path: 'account', element: page(() => import('../features/account/components/account-page'), 'AccountPage') },
  { path: 'help', element: page(() => import('../features/help/components/help-page'), 'HelpPage') },
  { path: 'notifications', element: page(() => import('../features/notifications/components/inbox-page'), 'InboxPage') },
  { path: 'agreements', element: page(() => import('../features/agreements/components/agreements-page'), 'AgreementsPage') },
  { path: 'agreements/new', element: page(() => import('../features/agreements/components/agreement-create-page'), 'AgreementCreatePage'), ability: 'agreements.create' },
  { path: 'agreements/:id', element: page(() => import('../features/agreements/components/agreement-page'), 'AgreementPage') },
  { path: 'agreements/:id/edit', element: page(() => import('../features/agreements/components/agreement-edit-page'), 'AgreementEditPage'), ability: 'agreements.edit' },
  { path: 'proposals', element: page(() => import('../features/proposals/components/proposals-page'), 'ProposalsPage') },
  { path: 'proposals/new', element: page(() => import('../features/proposals/components/proposal-create-page'), 'ProposalCreatePage'), ability: 'proposals.create' },
  { path: 'proposals/:id', element: page(() => import('../features/proposals/components/proposal-page'), 'ProposalPage') },
  { path: 'partners', element: page(() => import('../features/partners/components/partners-page'), 'PartnersPage') },
  { path: 'partners/:id', element: page(() => import('../features/partners/components/partner-page'), 'PartnerPage') },
  { path: 'import', element: page(() => import('../features/imports/components/import-page'), 'ImportPage'), ability: 'registry.import' },
  { path: 'intake', element: page(() => import('../features/intake/components/intake-page'), 'IntakePage'), ability: 'registry.intake' },
  { path: 'pimpinan', element: page(() => import('../features/leadership/components/leadership-page'), 'LeadershipPage'), ability: 'leadership.dashboard' },
  { path: 'pimpinan/tahap/:step', element: page(() => import('../features/leadership/components/funnel-step-page'), 'FunnelStepPage'), ability: 'leadership.dashboard' },
  { path: 'statistics', element: page(() => import('../features/stats/components/statistics-page'), 'StatisticsPage') },
  { path: 'impact-study', element: page(() => import('../features/impact-study/components/impact-study-page'), 'ImpactStudyPage'), ability: 'impactStudy.read' },
  { path: 'dissemination', element: page(() => import('../features/dissemination/components/tracking-page'), 'TrackingPage'), ability: 'dissemination.track' },
  { path: 'dissemination/:agreementId', element: page(() => import('../features/dissemination/components/package-page'), 'PackagePage') },
  { path: 'plans', element: page(() => import('../features/plans/components/inbox-page'), 'InboxPage'), ability: 'plans.inbox' },
  { path: 'gap', element: page(() => import('../features/plans/components/gap-page'), 'GapPage'), ability: 'plans.gap' },
  { path: 'plans/all', element: page(() => import('../features/plans/components/plans-list-page'), 'PlansListPage'), ability: 'plans.all' },
  { path: 'realisation', element: page(() => import('../features/realisation/components/realisation-page'), 'RealisationPage'), ability: 'realisation.write' },
  { path: 'realisation/plans/:planId/:period', element: page(() => import('../features/realisation/components/new-report-page'), 'NewReportPage'), ability: 'realisation.write' },
  { path: 'realisation/reports/:id', element: page(() => import('../features/realisation/components/report-page'), 'ReportPage'), ability: 'realisation.reports' },
  { path: 'reports', element: page(() => import('../features/annual-report/components/reports-page'), 'ReportsPage'), ability: 'reports.statutory' },
  { path: 'reports/:id', element: page(() => import('../features/annual-report/components/report-page'), 'ReportPage'), ability: 'reports.statutory' },
  { path: 'realisation/queue', element: page(() => import('../features/realisation/components/queue-page'), 'QueuePage'), ability: 'realisation.reports' },
  { path: 'admin/users', element: page(() => import('../features/admin/components/users-page'), 'UsersPage'), ability: 'admin.users' },
  { path: 'admin/master', element: page(() => import('../features/admin/components/master-page'), 'MasterPage'), ability: 'admin.master' },
  { path: 'admin/procedures', element: page(() => import('../features/procedures/components/procedures-page'), 'ProceduresPage'), ability: 'admin.procedures' },
  { path: 'admin/draft-templates', element: page(() => import('../features/procedures/components/draft-templates-page'), 'DraftTemplatesPage'), ability: 'admin.draftTemplates' },
  { path: 'admin/settings', element: page(() => import('../features/admin/components/settings-page'), 'SettingsPage'), ability: 'admin.settings' },
];
