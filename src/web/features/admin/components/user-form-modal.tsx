import { Button, Group, Modal, Radio, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../shared/roles';
import type { UserView } from '../../../../shared/users';
import { SaveFeedback } from '../../../components/save-feedback';
import { useMasterData } from '../../../lib/master-data';
import { useCurrentUser } from '../../../lib/session';
import { MODAL_STYLES } from './modal-styles';
import { PasswordField } from './password-field';
import { useUserForm } from './use-user-form';

// Create with `user` null; edit name, role, OPD and active state otherwise (the e-mail is the login and stays).
export function UserFormModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  const me = useCurrentUser();
  const master = useMasterData();
  const form = useUserForm(user, onClose);
  const { values, set, fieldError } = form;
  // The server refuses a self-demotion; the form does not offer it.
  const isSelf = user !== null && user.id === me?.id;
  const units = (master.data?.units ?? []).filter((unit) => unit.isActive || unit.id === values.unitId).map((unit) => ({ value: unit.id, label: unit.name }));
  const roles = ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')}
      fullScreen={isPhone}
      size="lg"
      styles={MODAL_STYLES}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={form.submit} noValidate>
        <Stack gap="sm">
          <SaveFeedback error={form.error} isFieldError={form.hasFieldErrors} onReload={() => void form.reload()} isReloading={form.isReloading} />
          <TextInput label={t('users.name')} required autoComplete="off" value={values.name} onChange={(event) => set('name', event.currentTarget.value)} error={fieldError('name')} data-autofocus />
          {user ? (
            <Text fz="sm">
              <Text component="span" fw={600}>
                {t('users.email')}:
              </Text>{' '}
              {user.email}
            </Text>
          ) : (
            <TextInput label={t('users.email')} type="email" required autoComplete="off" value={values.email} onChange={(event) => set('email', event.currentTarget.value)} error={fieldError('email')} />
          )}
          <Select
            label={t('users.role')}
            required
            data={roles}
            value={values.role}
            onChange={(value) => value && set('role', value)}
            allowDeselect={false}
            error={fieldError('role')}
            disabled={isSelf}
            description={isSelf ? t('users.selfHint') : undefined}
          />
          <Select
            label={t('users.unit')}
            description={t('users.unitHint')}
            required={values.role === 'opd'}
            data={units}
            value={values.unitId}
            onChange={(value) => set('unitId', value)}
            searchable
            clearable
            nothingFoundMessage={t('users.noUnit')}
            error={fieldError('unitId')}
          />
          {user ? null : (
            <Radio.Group label={t('users.firstPassword')} required value={values.invite ? 'invite' : 'password'} onChange={(value) => set('invite', value === 'invite')}>
              <Stack gap={6} mt={6}>
                <Radio value="password" label={t('users.firstPasswordTyped')} />
                <Radio value="invite" label={t('users.firstPasswordInvite')} />
              </Stack>
            </Radio.Group>
          )}
          {user || !values.invite ? null : <Text fz="sm">{t('users.inviteHint')}</Text>}
          {user || values.invite ? null : (
            <PasswordField
              label={t('users.password')}
              value={values.password}
              onChange={(value) => set('password', value)}
              error={fieldError('password')}
              user={{ email: values.email, name: values.name, unitName: units.find((unit) => unit.value === values.unitId)?.label ?? null }}
            />
          )}
          {user ? <Switch label={t('users.active')} checked={values.isActive} onChange={(event) => set('isActive', event.currentTarget.checked)} disabled={isSelf} /> : null}
          <Group justify="flex-end" gap="xs" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={form.isPending}>
              {user ? t('common:actions.save') : t('users.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
