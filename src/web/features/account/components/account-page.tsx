import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FieldList } from '../../../components/field-list';
import { PageHeader } from '../../../components/page-header';
import { useMasterLookups } from '../../../lib/master-data';
import { useCurrentUser } from '../../../lib/session';
import { ChangePasswordForm } from './change-password-form';
import { OtherDevices } from './other-devices';
import { TwoStepSignIn } from './two-step-sign-in';

// One's own account, without asking an admin: who one is signed in as, the password, the devices.
export function AccountPage() {
  const { t } = useTranslation('account');
  const user = useCurrentUser();
  const { unitName } = useMasterLookups();
  if (!user) return null;
  const unit = user.unitId ? unitName(user.unitId) : null;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack gap="md" maw={720}>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="profile-heading">
          <Title order={2} fz="md" id="profile-heading" mb="sm">
            {t('profile.title')}
          </Title>
          <FieldList
            fields={[
              { label: t('profile.name'), value: user.name },
              { label: t('profile.email'), value: user.email },
              { label: t('profile.role'), value: t(`roles.${user.role}`, { ns: 'common' }) },
              { label: t('profile.unit'), value: unit ?? '—' },
            ]}
          />
          <Text fz="xs" c="dimmed" mt="sm">
            {t('profile.hint')}
          </Text>
        </Paper>
        <ChangePasswordForm user={user} unitName={unit} />
        <TwoStepSignIn />
        <OtherDevices />
      </Stack>
    </>
  );
}
