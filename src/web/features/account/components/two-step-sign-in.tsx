import { Alert, Badge, Button, Code, Group, Image, Paper, PasswordInput, PinInput, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpSetup } from '../../../../shared/auth';
import { ApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useBeginTotpSetup, useConfirmTotp, useDisableTotp, useTotpStatus } from '../api/use-account';

const fieldError = (error: unknown, field: string, language: string) =>
  error instanceof ApiError && error.field === field ? error.localized(language) : error ? errorMessage(error) : null;

// Two-step sign-in with an authenticator app: the password, then a QR code to scan, then a first
// code that proves the app holds the secret. Turned off again with the password.
export function TwoStepSignIn() {
  const { t, i18n } = useTranslation('account');
  const status = useTotpStatus();
  const begin = useBeginTotpSetup();
  const confirm = useConfirmTotp();
  const disable = useDisableTotp();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const isEnabled = status.data?.isEnabled ?? false;

  const start = (event: SyntheticEvent) => {
    event.preventDefault();
    begin.mutate(password, { onSuccess: (answer) => (setSetup(answer), setPassword('')) });
  };
  const prove = (event: SyntheticEvent) => {
    event.preventDefault();
    confirm.mutate(code, { onSuccess: () => (setSetup(null), setCode(''), notifySuccess(t('twoStep.enabled'))) });
  };
  const turnOff = (event: SyntheticEvent) => {
    event.preventDefault();
    disable.mutate(password, { onSuccess: () => (setPassword(''), notifySuccess(t('twoStep.disabled'))) });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="two-step-heading">
      <Group justify="space-between" mb={4}>
        <Title order={2} fz="md" id="two-step-heading">
          {t('twoStep.title')}
        </Title>
        {status.data ? <Badge variant="light" color={isEnabled ? 'green' : 'gray'}>{isEnabled ? t('twoStep.on') : t('twoStep.off')}</Badge> : null}
      </Group>
      <Text fz="sm" c="dimmed" mb="sm">
        {isEnabled && status.data?.enabledAt ? t('twoStep.onSince', { when: formatDateTime(status.data.enabledAt, i18n.language) }) : t('twoStep.hint')}
      </Text>
      {isEnabled ? (
        <form onSubmit={turnOff} noValidate>
          <Stack gap="sm" maw={360}>
            <PasswordInput label={t('twoStep.password')} autoComplete="current-password" value={password} onChange={(event) => setPassword(event.currentTarget.value)} error={fieldError(disable.error, 'password', i18n.language)} />
            <Group>
              <Button type="submit" variant="default" color="red" loading={disable.isPending} disabled={!password}>
                {t('twoStep.turnOff')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : setup ? (
        <form onSubmit={prove} noValidate>
          <Stack gap="sm">
            <Text fz="sm">{t('twoStep.scan')}</Text>
            <Image src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`} alt={t('twoStep.qrAlt')} w={200} h={200} />
            <Text fz="sm">
              {t('twoStep.typeInstead')} <Code>{setup.secret}</Code>
            </Text>
            <Text fz="sm" fw={500} id="totp-code-label">
              {t('twoStep.code')}
            </Text>
            <PinInput length={6} type="number" oneTimeCode value={code} onChange={setCode} aria-labelledby="totp-code-label" getInputProps={() => ({ 'aria-labelledby': 'totp-code-label' })} />
            {confirm.error ? (
              <Alert color="red" variant="light" role="alert">
                {fieldError(confirm.error, 'code', i18n.language)}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={confirm.isPending} disabled={code.length !== 6}>
                {t('twoStep.confirm')}
              </Button>
              <Button variant="subtle" onClick={() => setSetup(null)}>
                {t('actions.cancel', { ns: 'common' })}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <form onSubmit={start} noValidate>
          <Stack gap="sm" maw={360}>
            <PasswordInput label={t('twoStep.password')} autoComplete="current-password" value={password} onChange={(event) => setPassword(event.currentTarget.value)} error={fieldError(begin.error, 'password', i18n.language)} />
            <Group>
              <Button type="submit" leftSection={<IconShieldLock size={16} aria-hidden />} loading={begin.isPending} disabled={!password}>
                {t('twoStep.start')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
