import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/roles';
import { ApiError } from '../../../lib/api';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { usePasswordVerdict } from '../../../lib/use-password-verdict';
import { useChangePassword } from '../api/use-account';

type Field = 'currentPassword' | 'newPassword' | 'repeatPassword';
const EMPTY: Record<Field, string> = { currentPassword: '', newPassword: '', repeatPassword: '' };

// The current password proves it is the owner; the new one meets the rule every password meets
// (checked here as typed, and by the server). This device stays signed in, the others are not.
export function ChangePasswordForm({ user, unitName }: { user: SessionUser; unitName: string | null }) {
  const { t, i18n } = useTranslation('account');
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const verdict = usePasswordVerdict(values.newPassword, { email: user.email, name: user.name, unitName });
  const weakness = verdict && !verdict.isStrong ? (i18n.language === 'en' ? verdict.messageEn : verdict.message) : null;
  const set = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => setValues({ ...values, [field]: event.currentTarget.value });

  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) found.currentPassword = t('password.required');
    if (!values.newPassword) found.newPassword = t('password.required');
    else if (values.repeatPassword !== values.newPassword) found.repeatPassword = t('password.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: ({ endedSessions }) => {
          setValues(EMPTY);
          notifySuccess(t('password.changed', { count: endedSessions }));
        },
        onError: (error) => {
          if (error instanceof ApiError && (error.field === 'currentPassword' || error.field === 'newPassword')) setErrors({ [error.field]: error.localized(i18n.language) });
        },
      },
    );
  };
  // An error the server names no field for (the lock, the network) shows above the form.
  const formError = change.error instanceof ApiError && change.error.field ? null : change.error;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="password-heading">
      <Title order={2} fz="md" id="password-heading" mb="sm">
        {t('password.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={420}>
          {formError ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(formError)}
            </Alert>
          ) : null}
          <PasswordInput label={t('password.current')} autoComplete="current-password" required value={values.currentPassword} onChange={set('currentPassword')} error={errors.currentPassword} />
          <Stack gap={4}>
            <PasswordInput label={t('password.new')} autoComplete="new-password" required value={values.newPassword} onChange={set('newPassword')} error={errors.newPassword} />
            <Text fz="sm" c={weakness ? 'orange.9' : 'teal.9'} aria-live="polite">
              {weakness ?? (verdict?.isStrong ? t('password.strong') : '')}
            </Text>
          </Stack>
          <PasswordInput label={t('password.repeat')} autoComplete="new-password" required value={values.repeatPassword} onChange={set('repeatPassword')} error={errors.repeatPassword} />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
