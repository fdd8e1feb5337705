import { Button, Group, PasswordInput } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/users';
import { generatePassword } from '../lib/passwords';

type Props = { label: string; value: string; onChange: (value: string) => void; error: string | undefined };

// A generated password is shown so the admin can hand it over; the user changes it later.
export function PasswordField({ label, value, onChange, error }: Props) {
  const { t } = useTranslation('admin');
  const [visible, setVisible] = useState(false);
  const generate = () => {
    onChange(generatePassword());
    setVisible(true);
  };
  return (
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
  );
}
