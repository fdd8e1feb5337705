import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/notify';
import { useLogin } from '../api/use-login';
import { AuthCard, FORGOT_PATH } from './auth-card';

// The sign-in form without the router: the first screen a signed-out phone shows, so it loads
// without react-router (main.tsx); the router's /login page wraps it (login-page.tsx).
export function SignInScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Shown once the server says the password was right and the account asks for its app's code.
  const [isCodeAsked, setIsCodeAsked] = useState(false);
  const [totpCode, setTotpCode] = useState('');

  // The server's "code needed" answer opens the code box; only a code that was sent and refused
  // is shown as an error, under the box.
  const isCodeError = login.error instanceof ApiError && login.error.field === 'totpCode';
  const codeError = isCodeError && isCodeAsked && login.variables?.totpCode ? errorMessage(login.error) : null;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password, ...(isCodeAsked ? { totpCode: totpCode.trim() } : {}) },
      { onSuccess: onSignedIn, onError: (error) => error instanceof ApiError && error.field === 'totpCode' && setIsCodeAsked(true) },
    );
  };

  return (
    <AuthCard>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="h4">
            {t('heading')}
          </Title>
          {login.isError && !isCodeError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {errorMessage(login.error)}
            </Alert>
          ) : null}
          <TextInput label="E-mail" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} />
          <PasswordInput
            label={t('password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t('showPassword') }}
          />
          {isCodeAsked ? (
            <TextInput
              label={t('code')}
              description={t('codeHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              error={codeError}
              value={totpCode}
              onChange={(event) => setTotpCode(event.currentTarget.value)}
            />
          ) : null}
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('submit')}
          </Button>
          {isCodeAsked ? (
            <Text fz="xs" c="dimmed">
              {t('forgotPhone')}
            </Text>
          ) : null}
          <Anchor href={FORGOT_PATH} fz="sm">
            {t('forgotLink')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
