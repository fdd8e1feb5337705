import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateUserSchema, type UserView } from '../../../../shared/users';
import { SaveFeedback } from '../../../components/save-feedback';
import { useMasterData } from '../../../lib/master-data';
import { notifySuccess } from '../../../lib/notify';
import { useRefetchUsers, useUpdateUser } from '../api/use-users';
import { apiFieldError, zodFieldErrors, type FieldErrors } from '../lib/form-errors';
import { MODAL_STYLES } from './modal-styles';
import { PasswordField } from './password-field';

// A new password ends the user's open sessions (the server does it), so they sign in again with it.
export function UserPasswordModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  const update = useUpdateUser();
  const refetch = useRefetchUsers();
  const [password, setPassword] = useState('');
  const [version, setVersion] = useState(user.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const unitName = useMasterData().data?.units.find((unit) => unit.id === user.unitId)?.name;

  const reload = async () => {
    const fresh = (await refetch()).find((row) => row.id === user.id);
    if (fresh) setVersion(fresh.version);
    update.reset();
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const parsed = UpdateUserSchema.safeParse({ password, version });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    update.mutate(
      { id: user.id, input: parsed.data },
      {
        onSuccess: () => {
          notifySuccess(t('users.passwordReset', { name: user.name }));
          onClose();
        },
        onError: (error) => {
          const fieldError = apiFieldError(error, ['password']);
          if (fieldError) setErrors({ password: fieldError.message });
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('users.resetTitle', { name: user.name })} fullScreen={isPhone} size="lg" styles={MODAL_STYLES} closeButtonProps={{ 'aria-label': t('common:actions.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text fz="sm">{t('users.resetBody')}</Text>
          <SaveFeedback error={update.error} isFieldError={Boolean(errors.password)} onReload={() => void reload()} />
          <PasswordField
            label={t('users.newPassword')}
            value={password}
            onChange={(value) => {
              setPassword(value);
              setErrors({});
            }}
            error={errors.password}
            user={{ email: user.email, name: user.name, unitName: unitName ?? null }}
          />
          <Group justify="flex-end" gap="xs" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('users.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
