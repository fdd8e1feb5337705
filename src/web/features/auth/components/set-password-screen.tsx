import { Alert, Anchor, Button, Loader, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordLinkView } from '../../../../shared/auth';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/notify';
import { usePasswordVerdict } from '../../../lib/use-password-verdict';
import { usePasswordLink, useSetPasswordByLink } from '../api/use-password-link';
import { AuthCard, FORGOT_PATH, SIGN_IN_PATH } from './auth-card';

// The page a mailed link opens (a forgotten password or an invitation). The token is in the
// address's fragment; it is read once and taken out of the address bar and the history.
export function SetPasswordScreen() {
  const { t } = useTranslation('auth');
  const [token] = useState(() => window.location.hash.slice(1));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  const link = usePasswordLink(token);
  const set = useSetPasswordByLink();

  let body;
  if (set.isSuccess) {
    body = (
      <Stack gap="md">
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          {t('setPassword.done')}
        </Alert>
        <Button component="a" href={SIGN_IN_PATH} fullWidth>
          {t('submit')}
        </Button>
      </Stack>
    );
  } else if (token === '' || link.isError) {
    body = (
      <Stack gap="md">
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {link.error ? errorMessage(link.error) : t('setPassword.noToken')}
        </Alert>
        <Anchor href={FORGOT_PATH}>{t('setPassword.askNew')}</Anchor>
      </Stack>
    );
  } else if (!link.data) {
    body = <Loader aria-label={t('setPassword.checking')} />;
  } else {
    body = <NewPasswordForm view={link.data} isPending={set.isPending} error={set.error} onSubmit={(password) => set.mutate({ token, password })} />;
  }
  return (
    <AuthCard>
      {body}
      <Anchor href={SIGN_IN_PATH} fz="sm">
        {t('backToSignIn')}
      </Anchor>
    </AuthCard>
  );
}

function NewPasswordForm({ view, isPending, error, onSubmit }: { view: PasswordLinkView; isPending: boolean; error: Error | null; onSubmit: (password: string) => void }) {
  const { t, i18n } = useTranslation('auth');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const verdict = usePasswordVerdict(password, { email: view.email, name: view.name, unitName: null });
  const weakness = verdict && !verdict.isStrong ? (i18n.language === 'en' ? verdict.messageEn : verdict.message) : null;
  const serverField = error instanceof ApiError && error.field === 'password' ? error.localized(i18n.language) : undefined;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const found = !password ? { password: t('setPassword.required') } : repeat !== password ? { repeat: t('setPassword.mismatch') } : {};
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(password);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2} fz="h4">
          {t(view.purpose === 'invite' ? 'setPassword.inviteHeading' : 'setPassword.resetHeading')}
        </Title>
        <Text fz="sm">{t(view.purpose === 'invite' ? 'setPassword.inviteIntro' : 'setPassword.resetIntro', { name: view.name, email: view.email })}</Text>
        {error && !serverField ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {errorMessage(error)}
          </Alert>
        ) : null}
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={view.email} readOnly hidden />
        <Stack gap={4}>
          <PasswordInput label={t('setPassword.new')} autoComplete="new-password" required value={password} onChange={(event) => setPassword(event.currentTarget.value)} error={errors.password ?? serverField} />
          <Text fz="sm" c={weakness ? 'orange.9' : 'teal.9'} aria-live="polite">
            {weakness ?? (verdict?.isStrong ? t('setPassword.strong') : '')}
          </Text>
        </Stack>
        <PasswordInput label={t('setPassword.repeat')} autoComplete="new-password" required value={repeat} onChange={(event) => setRepeat(event.currentTarget.value)} error={errors.repeat} />
        <Button type="submit" loading={isPending} fullWidth>
          {t('setPassword.submit')}
        </Button>
      </Stack>
    </form>
  );
}
