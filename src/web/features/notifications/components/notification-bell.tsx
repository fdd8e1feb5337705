import { ActionIcon, Anchor, Box, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { NotificationView } from '../../../../shared/notifications';
import { formatDateTime } from '../../../lib/format';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notification-queries';
import { routeOf } from '../lib/notification-route';

function Item({ item, onOpen }: { item: NotificationView; onOpen: (item: NotificationView) => void }) {
  const { t, i18n } = useTranslation('notifications');
  const isUnread = item.readAt === null;
  return (
    <UnstyledButton onClick={() => onOpen(item)} p="xs" style={{ borderRadius: 4, background: isUnread ? '#e7f5ff' : undefined, display: 'block', width: '100%' }}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Box w={8} h={8} mt={6} style={{ borderRadius: 4, flexShrink: 0, background: isUnread ? '#1971c2' : 'transparent' }} aria-hidden />
        <Box style={{ minWidth: 0 }}>
          <Text fz="sm" fw={isUnread ? 700 : 400} style={{ overflowWrap: 'anywhere' }}>
            {isUnread ? <span className="jalin-sr-only">{t('unreadPrefix')} </span> : null}
            {item.title}
          </Text>
          {item.body ? (
            <Text fz="xs" c="dimmed" lineClamp={2}>
              {item.body}
            </Text>
          ) : null}
          <Text fz="xs" c="dimmed">
            {formatDateTime(item.createdAt, i18n.language)}
          </Text>
        </Box>
      </Group>
    </UnstyledButton>
  );
}

// The button itself is the popover's target, so its ARIA state sits on a button and not on the badge around it.
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];
  const open = (item: NotificationView) => {
    if (item.readAt === null) markRead.mutate(item.id);
    const route = routeOf(item.link);
    setOpened(false);
    if (route) void navigate(route);
  };
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red.9" offset={4}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withinPortal>
        <Popover.Target>
          <ActionIcon variant="subtle" size="lg" onClick={() => setOpened((value) => !value)} aria-label={unread > 0 ? t('bellUnread', { count: unread }) : t('bell')}>
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Text fw={700} fz="sm">
              {t('title')}
            </Text>
            {unread > 0 ? (
              <Button size="compact-xs" variant="subtle" onClick={() => markAll.mutate()} loading={markAll.isPending}>
                {t('markAll')}
              </Button>
            ) : null}
          </Group>
          {items.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={360}>
              <Stack gap={2}>
                {items.map((item) => (
                  <Item key={item.id} item={item} onOpen={open} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          <Anchor component={Link} to="/notifications" fz="sm" display="block" ta="center" mt="xs" onClick={() => setOpened(false)}>
            {t('seeAll')}
          </Anchor>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
