import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMail, IconShieldOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateUserSchema, type UserView } from '../../../../shared/users';
import { ErrorAlert, SaveFeedback } from '../../../components/save-feedback';
import { useMasterData } from '../../../lib/master-data';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useRefetchUsers, useResetTwoStep, useSendInvitation, useUpdateUser } from '../api/use-users';
import { adminIssueMessage, adminServerErrors } from '../lib/form-errors';
import { MODAL_STYLES } from './modal-styles';
import { PasswordField } from './password-field';

// A new password ends the user's open sessions (the server does it), so they sign in again with it.
export function UserPasswordModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  const update = useUpdateUser();
  const invite = useSendInvitation();
  const resetTwoStep = useResetTwoStep();
  const refetch = useRefetchUsers();
  const [version, setVersion] = useState(user.version);
  const form = useSchemaForm({
    schema: UpdateUserSchema,
    defaultValues: { password: '' },
    toBody: ({ password }) => ({ password, version }),
    messageOf: adminIssueMessage,
    serverErrorsOf: adminServerErrors(['password']),
  });
  const unitName = useMasterData().data?.units.find((unit) => unit.id === user.unitId)?.name;

  const reload = async () => {
    const fresh = (await refetch()).find((row) => row.id === user.id);
    if (fresh) setVersion(fresh.version);
    update.reset();
  };

  const submit = form.submit((input) =>
    update.mutate(
      { id: user.id, input },
      {
        onSuccess: () => {
          notifySuccess(t('users.passwordReset', { name: user.name }));
          onClose();
        },
        onError: form.showServerErrors,
      },
    ),
  );

  const sendLink = () =>
    invite.mutate(user.id, {
      onSuccess: () => {
        notifySuccess(t('users.invitationSent', { email: user.email }));
        onClose();
      },
    });

  const turnOffTwoStep = () =>
    resetTwoStep.mutate(user.id, {
      onSuccess: () => {
        notifySuccess(t('users.twoStepOff', { name: user.name }));
        onClose();
      },
    });

  return (
    <Modal opened onClose={onClose} title={t('users.resetTitle', { name: user.name })} fullScreen={isPhone} size="lg" styles={MODAL_STYLES} closeButtonProps={{ 'aria-label': t('common:actions.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {/* Instead of typing a password: a link the person opens to choose their own (also re-sends an invitation). */}
          <Stack gap={6} align="flex-start">
            <Text fz="sm">{t('users.linkBody', { email: user.email })}</Text>
            <Button variant="light" leftSection={<IconMail size={16} aria-hidden />} onClick={sendLink} loading={invite.isPending} disabled={!user.isActive}>
              {user.hasPendingInvitation ? t('users.resendInvitation') : t('users.sendLink')}
            </Button>
            <ErrorAlert error={invite.error} />
          </Stack>
          {user.hasTwoStep ? (
            <Stack gap={6} align="flex-start">
              <Text fz="sm">{t('users.twoStepBody')}</Text>
              <Button variant="light" color="red" leftSection={<IconShieldOff size={16} aria-hidden />} onClick={turnOffTwoStep} loading={resetTwoStep.isPending}>
                {t('users.twoStepReset')}
              </Button>
              <ErrorAlert error={resetTwoStep.error} />
            </Stack>
          ) : null}
          <Text fz="sm">{t('users.resetBody')}</Text>
          <SaveFeedback error={update.error} isFieldError={form.hasErrors} onReload={() => void reload()} />
          <PasswordField
            label={t('users.newPassword')}
            value={form.values.password}
            onChange={(value) => form.set('password', value)}
            error={form.error('password')}
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
