import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifyError, notifySuccess } from '../lib/notify';
import { useCurrentUser, useSignOut } from '../lib/session';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!user) return null;
  const logout = async () => {
    try {
      await signOut();
      notifySuccess(t('user.loggedOut'));
      await navigate('/login');
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`${t('user.menu')}: ${user.name}`} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="blue" radius="xl" size="md" aria-hidden>
              {initials(user.name)}
            </Avatar>
            <div className="jalin-user-label">
              <Text fz="sm" fw={600} lh={1.2} truncate maw={180}>
                {user.name}
              </Text>
              <Text fz="xs" c="dimmed" lh={1.2} truncate maw={180}>
                {t(`roles.${user.role}`)}
              </Text>
            </div>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fz="sm" fw={600} c="var(--mantine-color-text)">
            {user.name}
          </Text>
          <Text fz="xs" c="dimmed">
            {user.email} · {t(`roles.${user.role}`)}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconUserCircle size={16} aria-hidden />} onClick={() => void navigate('/account')}>
          {t('user.account')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>
          {t('user.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
