import { Box, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconKey, IconPencil, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/roles';
import type { UserView } from '../../../../shared/users';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { ToneBadge } from '../../../components/tone-badge';
import { useMasterLookups } from '../../../lib/master-data';
import { useUsers } from '../api/use-users';
import { UserFormModal } from './user-form-modal';
import { UserPasswordModal } from './user-password-modal';
import { ErrorAlert } from '../../../components/save-feedback';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'password'; user: UserView } | null;

function matches(user: UserView, text: string, role: Role | null): boolean {
  const needle = text.trim().toLowerCase();
  const isTextMatch = needle === '' || user.name.toLowerCase().includes(needle) || user.email.includes(needle);
  return isTextMatch && (role === null || user.role === role);
}


function UserStatus({ user }: { user: UserView }) {
  const { t } = useTranslation('admin');
  return (
    <Group gap={4} wrap="wrap">
      <ToneBadge tone={user.isActive ? 'green' : 'gray'}>{user.isActive ? t('users.statusActive') : t('users.statusInactive')}</ToneBadge>
      {user.hasPendingInvitation ? <ToneBadge tone="yellow">{t('users.statusInvited')}</ToneBadge> : null}
      {user.hasTwoStep ? <ToneBadge tone="blue">{t('users.statusTwoStep')}</ToneBadge> : null}
    </Group>
  );
}

function UserActions({ user, onDialog }: { user: UserView; onDialog: (dialog: Dialog) => void }) {
  const { t } = useTranslation('admin');
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onDialog({ kind: 'edit', user })} aria-label={t('users.editAria', { name: user.name })}>
        {t('users.edit')}
      </Button>
      <Button size="xs" variant="default" leftSection={<IconKey size={14} aria-hidden />} onClick={() => onDialog({ kind: 'password', user })} aria-label={t('users.resetAria', { name: user.name })}>
        {t('users.reset')}
      </Button>
    </Group>
  );
}

// On a phone each account is a card with the same facts and buttons as a table row.
function UserCards({ users, onDialog }: { users: UserView[]; onDialog: (dialog: Dialog) => void }) {
  const { t } = useTranslation('admin');
  const { unitName } = useMasterLookups();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('users.tableLabel')}>
      {users.map((user) => (
        <Paper component="li" key={user.id} withBorder radius="sm" p="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <Text fz="sm" fw={700}>
              {user.name}
            </Text>
            <UserStatus user={user} />
          </Group>
          <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Text>
          <Text fz="sm" mt={4}>
            {t(`common:roles.${user.role}`)}
            {user.unitId ? ` · ${unitName(user.unitId)}` : ''}
          </Text>
          <Group justify="flex-end" mt="xs">
            <UserActions user={user} onDialog={onDialog} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function UserRow({ user, onDialog }: { user: UserView; onDialog: (dialog: Dialog) => void }) {
  const { t } = useTranslation('admin');
  const { unitName } = useMasterLookups();
  return (
    <Table.Tr>
      <Table.Td>
        <Text fz="sm" fw={600}>
          {user.name}
        </Text>
        <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td>{t(`common:roles.${user.role}`)}</Table.Td>
      <Table.Td>{user.unitId ? unitName(user.unitId) : '—'}</Table.Td>
      <Table.Td>
        <UserStatus user={user} />
      </Table.Td>
      <Table.Td>
        <UserActions user={user} onDialog={onDialog} />
      </Table.Td>
    </Table.Tr>
  );
}

function UsersTable({ users, onDialog }: { users: UserView[]; onDialog: (dialog: Dialog) => void }) {
  const { t } = useTranslation('admin');
  return (
    <Table.ScrollContainer visibleFrom="sm" minWidth={760} type="native" tabIndex={0} role="region" aria-label={t('users.tableLabel')}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={t('users.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.name')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.unit')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th ta="right">{t('users.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} onDialog={onDialog} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function UsersPage() {
  const { t } = useTranslation('admin');
  const users = useUsers();
  const [text, setText] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const shown = (users.data ?? []).filter((user) => matches(user, text, role));
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
          <TextInput label={t('users.search')} leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(event) => setText(event.currentTarget.value)} style={{ flex: '1 1 220px' }} />
          <Select label={t('users.roleFilter')} placeholder={t('users.allRoles')} data={ROLES.map((value) => ({ value, label: t(`common:roles.${value}`) }))} value={role} onChange={(value) => setRole(value)} clearable w={{ base: '100%', xs: 240 }} />
        </Group>
        {users.isPending ? <PageLoader /> : null}
        <ErrorAlert error={users.error} />
        {users.data ? (
          <>
            <Text fz="sm" c="dimmed" mb="xs" role="status">
              {t('users.count', { count: shown.length, total: users.data.length })}
            </Text>
            <Box hiddenFrom="sm">
              <UserCards users={shown} onDialog={setDialog} />
            </Box>
            <UsersTable users={shown} onDialog={setDialog} />
          </>
        ) : null}
      </Paper>
      {dialog?.kind === 'create' ? <UserFormModal key="create" user={null} onClose={close} /> : null}
      {dialog?.kind === 'edit' ? <UserFormModal key={dialog.user.id} user={dialog.user} onClose={close} /> : null}
      {dialog?.kind === 'password' ? <UserPasswordModal user={dialog.user} onClose={close} /> : null}
    </>
  );
}
