import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconLink } from '@tabler/icons-react';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import { PageLoader } from '../../../components/page-loader';
import { errorMessage } from '../../../lib/notify';
import { useSession } from '../../../lib/session';
import { useLogin } from '../api/use-login';

// Only same-app paths are followed after login, never an outside address.
function returnPath(state: unknown): string {
  const from = typeof state === 'object' && state !== null && 'from' in state ? state.from : null;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/agreements';
}

export function LoginPage() {
  const { t } = useTranslation('auth');
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const target = returnPath(location.state);

  if (session.isPending) return <PageLoader />;
  if (session.data && !login.isPending) return <Navigate to={target} replace />;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password }, { onSuccess: () => void navigate(target, { replace: true }) });
  };

  return (
    <Box component="main" mih="100vh" bg="gray.0" py="xl" px="md">
      <Group justify="flex-end" maw={420} mx="auto" mb="md">
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <Stack gap="lg">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon size={44} radius="md" aria-hidden>
                <IconLink size={26} />
              </ThemeIcon>
              <div>
                <Title order={1} fz="h2">
                  Jalin
                </Title>
                <Text c="dimmed" fz="sm">
                  {t('subtitle')}
                </Text>
              </div>
            </Group>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <Title order={2} fz="h4">
                  {t('heading')}
                </Title>
                {login.isError ? (
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
                <Button type="submit" loading={login.isPending} fullWidth>
                  {t('submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
