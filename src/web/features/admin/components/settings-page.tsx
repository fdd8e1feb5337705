import { Button, Group, NumberInput, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EXPIRY_ALERT_DAYS_LIMITS, SETTING_LIMITS, UpdateSettingsSchema, type SettingName, type SettingsView } from '../../../../shared/settings';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { ErrorAlert, SaveFeedback } from '../../../components/save-feedback';
import { formatDateTime } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { useSettings } from '../../../lib/settings-queries';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useUpdateSettings } from '../api/settings-mutations';
import { adminIssueMessage, adminServerErrors } from '../lib/form-errors';

const NAMES: SettingName[] = ['expiryWarningDays', 'maxTermYears', 'maxUploadMb', 'disseminationReminderDays', 'dormantAfterMonths', 'reportCloseDays', 'digestDay'];
type Values = Record<SettingName, number | ''> & { expiryAlertDays: string; digestEnabled: boolean; disseminationFourEyes: boolean };

// "180, 90, 60" ↔ [180, 90, 60]: a word that is not a number stays NaN so the schema names the field.
function daysOfText(text: string): number[] {
  return text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((word) => (/^\d+$/.test(word) ? Number(word) : Number.NaN));
}

function valuesOf(settings: SettingsView): Values {
  return {
    expiryWarningDays: settings.expiryWarningDays,
    maxTermYears: settings.maxTermYears,
    maxUploadMb: settings.maxUploadMb,
    disseminationReminderDays: settings.disseminationReminderDays,
    dormantAfterMonths: settings.dormantAfterMonths,
    reportCloseDays: settings.reportCloseDays,
    digestDay: settings.digestDay,
    expiryAlertDays: settings.expiryAlertDays.join(', '),
    digestEnabled: settings.digestEnabled,
    disseminationFourEyes: settings.disseminationFourEyes,
  };
}

function SettingsForm({ settings, onReload }: { settings: SettingsView; onReload: () => Promise<void> }) {
  const { t, i18n } = useTranslation('admin');
  const save = useUpdateSettings();
  const form = useSchemaForm({
    schema: UpdateSettingsSchema,
    defaultValues: valuesOf(settings),
    toBody: (values) => ({ ...values, expiryAlertDays: daysOfText(values.expiryAlertDays), version: settings.version }),
    messageOf: adminIssueMessage,
    serverErrorsOf: adminServerErrors([...NAMES, 'expiryAlertDays', 'digestEnabled', 'disseminationFourEyes']),
  });
  const submit = form.submit((body) =>
    save.mutate(body, {
      onSuccess: (saved) => {
        form.reset(valuesOf(saved));
        notifySuccess(t('settings.saved'));
      },
      onError: form.showServerErrors,
    }),
  );
  const reload = async () => {
    save.reset();
    form.clearErrors();
    await onReload();
  };
  return (
    <Paper withBorder radius="md" p="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveFeedback error={save.error} isFieldError={form.hasErrors} onReload={() => void reload()} />
          {NAMES.map((name) => (
            <NumberInput
              key={name}
              label={t(`settings.${name}.label`)}
              description={t(`settings.${name}.description`, SETTING_LIMITS[name])}
              suffix={t(`settings.${name}.unit`) ? ` ${t(`settings.${name}.unit`)}` : undefined}
              min={SETTING_LIMITS[name].min}
              max={SETTING_LIMITS[name].max}
              allowDecimal={false}
              allowNegative={false}
              required
              value={form.values[name]}
              onChange={(value) => form.set(name, value === '' ? '' : Number(value))}
              error={form.error(name)}
              maw={320}
            />
          ))}
          <TextInput
            label={t('settings.expiryAlertDays.label')}
            description={t('settings.expiryAlertDays.description', EXPIRY_ALERT_DAYS_LIMITS)}
            required
            inputMode="numeric"
            value={form.values.expiryAlertDays}
            onChange={(event) => form.set('expiryAlertDays', event.currentTarget.value)}
            error={form.error('expiryAlertDays')}
            maw={320}
          />
          <Switch
            label={t('settings.digestEnabled.label')}
            description={t('settings.digestEnabled.description')}
            checked={form.values.digestEnabled}
            onChange={(event) => form.set('digestEnabled', event.currentTarget.checked)}
            error={form.error('digestEnabled')}
          />
          <Switch
            label={t('settings.disseminationFourEyes.label')}
            description={t('settings.disseminationFourEyes.description')}
            checked={form.values.disseminationFourEyes}
            onChange={(event) => form.set('disseminationFourEyes', event.currentTarget.checked)}
            error={form.error('disseminationFourEyes')}
          />
          <Group justify="space-between" align="center" gap="sm">
            <Text fz="sm" c="dimmed">
              {settings.updatedAt ? t('settings.updatedAt', { when: formatDateTime(settings.updatedAt, i18n.language) }) : t('settings.neverUpdated')}
            </Text>
            <Button type="submit" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function SettingsPage() {
  const { t } = useTranslation('admin');
  const settings = useSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {settings.isPending ? <PageLoader /> : null}
      <ErrorAlert error={settings.error} />
      {settings.data ? (
        // Keyed by version: a reload after a 409 starts the form again from the saved values.
        <SettingsForm key={settings.data.version} settings={settings.data} onReload={async () => {
            await settings.refetch();
          }} />
      ) : null}
    </>
  );
}
