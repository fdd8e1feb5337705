import { Alert, Anchor, Box, Button, Center, Group, Pagination, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { NotificationFilter, NotificationView } from '../../../../shared/notifications';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { formatDateTime } from '../../../lib/format';
import { errorMessage } from '../../../lib/notify';
import { NOTIFICATION_PAGE_SIZE, useMarkAllRead, useMarkRead, useNotificationHistory } from '../api/notification-queries';
import { routeOf } from '../lib/notification-route';

function InboxItem({ item }: { item: NotificationView }) {
  const { t, i18n } = useTranslation('notifications');
  const markRead = useMarkRead();
  const isUnread = item.readAt === null;
  const route = routeOf(item.link);
  // Opening the target counts as reading it, as in the bell.
  const onOpen = () => {
    if (isUnread) markRead.mutate(item.id);
  };
  const title = (
    <>
      {isUnread ? <span className="jalin-sr-only">{t('unreadPrefix')} </span> : null}
      {item.title}
    </>
  );
  return (
    <Paper component="li" withBorder radius="md" p="sm" bg={isUnread ? 'blue.0' : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Group gap={8} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <Box w={8} h={8} mt={7} style={{ borderRadius: 4, flexShrink: 0, background: isUnread ? 'var(--mantine-color-blue-8)' : 'transparent' }} aria-hidden />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fz="sm" fw={isUnread ? 700 : 400} style={{ overflowWrap: 'anywhere' }}>
              {route ? (
                <Anchor component={Link} to={route} onClick={onOpen} inherit>
                  {title}
                </Anchor>
              ) : (
                title
              )}
            </Text>
            {item.body ? (
              <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                {item.body}
              </Text>
            ) : null}
            <Text fz="xs" c="dimmed">
              {formatDateTime(item.createdAt, i18n.language)}
            </Text>
          </Stack>
        </Group>
        {isUnread ? (
          <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(item.id)} loading={markRead.isPending} aria-label={t('inbox.markOneNamed', { title: item.title })}>
            {t('inbox.markOne')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}

// Every notice of the signed-in user, newest first; filter and page live in the address so the
// back button returns to the same page after opening a notice's target.
export function InboxPage() {
  const { t } = useTranslation('notifications');
  const [params, setParams] = useSearchParams();
  const filter: NotificationFilter = params.get('filter') === 'unread' ? 'unread' : 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const history = useNotificationHistory(filter, page);
  const markAll = useMarkAllRead();
  const show = (next: { filter?: NotificationFilter; page?: number }) => {
    const nextFilter = next.filter ?? filter;
    const nextPage = next.page ?? 1;
    setParams({ ...(nextFilter === 'unread' ? { filter: 'unread' } : {}), ...(nextPage > 1 ? { page: String(nextPage) } : {}) });
  };
  const data = history.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / NOTIFICATION_PAGE_SIZE)) : 1;
  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        description={data ? t('inbox.summary', { total: data.total, unread: data.unreadCount }) : undefined}
        actions={
          data && data.unreadCount > 0 ? (
            <Button variant="light" onClick={() => markAll.mutate()} loading={markAll.isPending}>
              {t('markAll')}
            </Button>
          ) : null
        }
      />
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('inbox.filterLabel')}
          value={filter}
          onChange={(value) => show({ filter: value === 'unread' ? 'unread' : 'all' })}
          data={[
            { value: 'all', label: t('inbox.filterAll') },
            { value: 'unread', label: t('inbox.filterUnread') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {history.isError ? <Alert color="red">{errorMessage(history.error)}</Alert> : null}
        {!data && history.isPending ? <PageLoader /> : null}
        {data && data.items.length === 0 ? <Text c="dimmed">{filter === 'unread' ? t('inbox.emptyUnread') : t('empty')}</Text> : null}
        {data && data.items.length > 0 ? (
          <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('inbox.title')}>
            {data.items.map((item) => (
              <InboxItem key={item.id} item={item} />
            ))}
          </Stack>
        ) : null}
        {pages > 1 ? (
          <Center>
            <Pagination
              total={pages}
              value={page}
              onChange={(next) => show({ page: next })}
              getItemProps={(item) => ({ 'aria-label': t('pagination.page', { ns: 'common', page: item }) })}
              getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`, { ns: 'common' }) })}
            />
          </Center>
        ) : null}
      </Stack>
    </>
  );
}
