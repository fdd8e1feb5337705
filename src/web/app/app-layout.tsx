// Every Mantine component's styles, then the packages built on them (Mantine's order); the sign-in
// page loaded only its own subset (providers.tsx).
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dropzone/styles.css';
import { Anchor, AppShell, Burger, Group, NavLink, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../components/language-switch';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { PageLoader } from '../components/page-loader';
import { isAllowed, useSession } from '../lib/session';
import { NAV_ITEMS, type NavItem } from './nav';
import { UserMenu } from './user-menu';

// The most specific entry wins, so /agreements/new does not also light up /agreements.
function activePath(items: NavItem[], pathname: string): string | null {
  const matches = items.filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
  matches.sort((a, b) => b.path.length - a.path.length);
  return matches[0]?.path ?? null;
}

function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const session = useSession().data ?? null;
  const location = useLocation();
  const items = NAV_ITEMS.filter((item) => isAllowed(session, item.ability));
  const active = activePath(items, location.pathname);
  return (
    <>
      {items.map((item) => (
        <NavLink
          key={item.path}
          component={Link}
          to={item.path}
          label={t(item.labelKey)}
          leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
          active={item.path === active}
          aria-current={item.path === active ? 'page' : undefined}
          onClick={onNavigate}
          variant="light"
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        />
      ))}
    </>
  );
}

function Brand() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/agreements" underline="never" c="inherit">
      <Group gap={8} wrap="nowrap">
        <ThemeIcon size="lg" radius="md" aria-hidden>
          <IconLink size={20} />
        </ThemeIcon>
        <div>
          <Text fw={700} fz="lg" lh={1.1}>
            {t('appName')}
          </Text>
          <Text fz="xs" c="dimmed" lh={1.1} visibleFrom="xs">
            {t('appTagline')}
          </Text>
        </div>
      </Group>
    </Anchor>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main-content" className="jalin-skip-link">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')} aria-expanded={opened} />
            <Brand />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <ScrollArea>
          <Navigation onNavigate={close} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" bg="gray.0" style={{ minWidth: 0 }}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
