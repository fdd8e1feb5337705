import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/notify';
import { useForgotPassword } from '../api/use-password-link';
import { AuthCard, SIGN_IN_PATH } from './auth-card';

// Asks for the e-mail and always answers the same, so the page never tells which addresses have an account.
export function ForgotPasswordScreen() {
  const { t } = useTranslation('auth');
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    if (!/^\S+@\S+\.\S+$/.test(trimmed)) {
      setFieldError(t('forgot.emailInvalid'));
      return;
    }
    setFieldError(null);
    forgot.mutate({ email: trimmed });
  };

  return (
    <AuthCard>
      <Stack gap="md">
        <Title order={2} fz="h4">
          {t('forgot.heading')}
        </Title>
        {forgot.isSuccess ? (
          <Alert color="teal" variant="light" icon={<IconMailCheck aria-hidden />} role="status">
            {t('forgot.sent', { email: email.trim() })}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Text fz="sm">{t('forgot.intro')}</Text>
              {forgot.isError ? (
                <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
                  {errorMessage(forgot.error)}
                </Alert>
              ) : null}
              <TextInput label="E-mail" type="email" autoComplete="username" required value={email} error={fieldError} onChange={(event) => setEmail(event.currentTarget.value)} />
              <Button type="submit" loading={forgot.isPending} fullWidth>
                {t('forgot.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <Anchor href={SIGN_IN_PATH} fz="sm">
          {t('backToSignIn')}
        </Anchor>
      </Stack>
    </AuthCard>
  );
}
