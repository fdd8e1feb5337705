import { IconBuildingCommunity, IconFilePlus, IconFileText, type Icon } from '@tabler/icons-react';
import { IconFileTypeDocx, IconRoute } from '@tabler/icons-react';
import { IconChartBar, IconDatabaseImport, IconListDetails, IconSettings, IconUsers } from '@tabler/icons-react';
import { IconFileDescription } from '@tabler/icons-react';
import { IconChartDots, IconClipboardList, IconReportMoney, IconSpeakerphone } from '@tabler/icons-react';
import type { Role } from '../../shared/roles';

export type NavItem = {
  path: string;
  // i18n key with its namespace (the feature folder): 'agreements:nav.registry'.
  labelKey: string;
  icon: Icon;
  // Omitted: every signed-in role.
  roles?: readonly Role[];
};

// The side navigation, in order. A new screen adds one line here and one in routes.tsx.
export const NAV_ITEMS: NavItem[] = [
  { path: '/agreements', labelKey: 'agreements:nav.registry', icon: IconFileText },
  { path: '/agreements/new', labelKey: 'agreements:nav.create', icon: IconFilePlus, roles: ['admin'] },
  { path: '/proposals', labelKey: 'proposals:nav.proposals', icon: IconFileDescription },
  { path: '/partners', labelKey: 'partners:nav.partners', icon: IconBuildingCommunity },
  { path: '/import', labelKey: 'imports:nav.import', icon: IconDatabaseImport, roles: ['admin'] },
  { path: '/statistics', labelKey: 'stats:nav.statistics', icon: IconChartBar },
  { path: '/dissemination', labelKey: 'dissemination:nav.tracking', icon: IconSpeakerphone, roles: ['admin', 'tkksd', 'pimpinan'] },
  { path: '/gap', labelKey: 'plans:nav.gap', icon: IconChartDots, roles: ['admin', 'tkksd', 'pimpinan'] },
  { path: '/plans/all', labelKey: 'plans:nav.plansAll', icon: IconReportMoney, roles: ['admin', 'tkksd', 'pimpinan'] },
  { path: '/plans', labelKey: 'plans:nav.inbox', icon: IconClipboardList, roles: ['opd'] },
  { path: '/admin/users', labelKey: 'admin:nav.users', icon: IconUsers, roles: ['admin'] },
  { path: '/admin/master', labelKey: 'admin:nav.master', icon: IconListDetails, roles: ['admin'] },
  { path: '/admin/procedures', labelKey: 'procedures:nav.procedures', icon: IconRoute, roles: ['admin'] },
  { path: '/admin/draft-templates', labelKey: 'procedures:nav.templates', icon: IconFileTypeDocx, roles: ['admin'] },
  { path: '/admin/settings', labelKey: 'admin:nav.settings', icon: IconSettings, roles: ['admin'] },
];
