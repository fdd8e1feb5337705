import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordUserData } from '../../../../shared/password-rules';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/users';
import { generatePassword } from '../lib/passwords';
import { usePasswordVerdict } from '../../../lib/use-password-verdict';

// user: the account's own e-mail, name and unit, which the password must not be built from.
type Props = { label: string; value: string; onChange: (value: string) => void; error: string | undefined; user: PasswordUserData };

// A generated password is shown so the admin can hand it over; the user changes it later.
export function PasswordField({ label, value, onChange, error, user }: Props) {
  const { t, i18n } = useTranslation('admin');
  const verdict = usePasswordVerdict(value, user);
  const [visible, setVisible] = useState(false);
  const generate = () => {
    onChange(generatePassword());
    setVisible(true);
  };
  const weakness = verdict && !verdict.isStrong ? (i18n.language === 'en' ? verdict.messageEn : verdict.message) : null;
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <PasswordInput
          label={label}
          description={t('users.passwordHint', { count: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
          visible={visible}
          onVisibilityChange={setVisible}
          visibilityToggleButtonProps={{ 'aria-label': t('users.showPassword') }}
          style={{ flex: 1 }}
        />
        <Button variant="default" leftSection={<IconWand size={16} aria-hidden />} onClick={generate} mb={error ? 22 : 0}>
          {t('users.generate')}
        </Button>
      </Group>
      {/* Live, before sending; the server gives the same verdict if it is sent anyway. */}
      <Text fz="sm" c={weakness ? 'orange.9' : 'teal.9'} aria-live="polite" data-testid="password-strength">
        {weakness ?? (verdict?.isStrong ? t('users.passwordStrong') : '')}
      </Text>
    </Stack>
  );
}
