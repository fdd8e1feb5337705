import { IconHome, IconBuildingCommunity, IconFilePlus, IconFileText, type Icon } from '@tabler/icons-react';
import { IconFileTypeDocx, IconRoute } from '@tabler/icons-react';
import { IconChartBar, IconDatabaseImport, IconListDetails, IconSettings, IconUsers } from '@tabler/icons-react';
import { IconFileDescription, IconReportAnalytics } from '@tabler/icons-react';
import { IconChartDots, IconClipboardList, IconReportMoney, IconSpeakerphone } from '@tabler/icons-react';
import { IconClipboardCheck, IconListCheck, IconPresentationAnalytics } from '@tabler/icons-react';
import { IconReport, IconScan } from '@tabler/icons-react';
import type { Ability } from '../../shared/abilities';

export type NavItem = {
  path: string;
  // i18n key with its namespace (the feature folder): 'agreements:nav.registry'.
  labelKey: string;
  icon: Icon;
  // What the session must allow (shared/abilities.ts); omitted: every signed-in user.
  ability?: Ability;
};

// The side navigation, in order. A new screen adds one line here and one in routes.tsx.
export const NAV_ITEMS: NavItem[] = [
  { path: '/home', labelKey: 'home:nav.home', icon: IconHome },
  { path: '/pimpinan', labelKey: 'leadership:nav.dashboard', icon: IconPresentationAnalytics, ability: 'leadership.dashboard' },
  { path: '/agreements', labelKey: 'agreements:nav.registry', icon: IconFileText },
  { path: '/agreements/new', labelKey: 'agreements:nav.create', icon: IconFilePlus, ability: 'agreements.create' },
  { path: '/proposals', labelKey: 'proposals:nav.proposals', icon: IconFileDescription },
  { path: '/partners', labelKey: 'partners:nav.partners', icon: IconBuildingCommunity },
  { path: '/import', labelKey: 'imports:nav.import', icon: IconDatabaseImport, ability: 'registry.import' },
  { path: '/intake', labelKey: 'intake:nav.intake', icon: IconScan, ability: 'registry.intake' },
  { path: '/statistics', labelKey: 'stats:nav.statistics', icon: IconChartBar },
  { path: '/impact-study', labelKey: 'impact-study:nav.impactStudy', icon: IconReportAnalytics, ability: 'impactStudy.read' },
  { path: '/dissemination', labelKey: 'dissemination:nav.tracking', icon: IconSpeakerphone, ability: 'dissemination.track' },
  { path: '/gap', labelKey: 'plans:nav.gap', icon: IconChartDots, ability: 'plans.gap' },
  { path: '/plans/all', labelKey: 'plans:nav.plansAll', icon: IconReportMoney, ability: 'plans.all' },
  { path: '/plans', labelKey: 'plans:nav.inbox', icon: IconClipboardList, ability: 'plans.inbox' },
  { path: '/realisation', labelKey: 'realisation:nav.reports', icon: IconClipboardCheck, ability: 'realisation.write' },
  { path: '/realisation/queue', labelKey: 'realisation:nav.queue', icon: IconListCheck, ability: 'realisation.reports' },
  { path: '/reports', labelKey: 'annual-report:nav.reports', icon: IconReport, ability: 'reports.statutory' },
  { path: '/admin/users', labelKey: 'admin:nav.users', icon: IconUsers, ability: 'admin.users' },
  { path: '/admin/master', labelKey: 'admin:nav.master', icon: IconListDetails, ability: 'admin.master' },
  { path: '/admin/procedures', labelKey: 'procedures:nav.procedures', icon: IconRoute, ability: 'admin.procedures' },
  { path: '/admin/draft-templates', labelKey: 'procedures:nav.templates', icon: IconFileTypeDocx, ability: 'admin.draftTemplates' },
  { path: '/admin/settings', labelKey: 'admin:nav.settings', icon: IconSettings, ability: 'admin.settings' },
];
