import { Button, Card, Group, NumberInput, SimpleGrid, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSettings, ReportSettingsView } from '../../../../shared/annual-report';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useReportSettings, useUpdateReportSettings } from '../api/annual-report-api';

function SettingsFields({ current }: { current: ReportSettingsView }) {
  const { t } = useTranslation('annual-report');
  const update = useUpdateReportSettings();
  const [values, setValues] = useState<ReportSettings>(current);
  const set = <K extends keyof ReportSettings>(key: K, value: ReportSettings[K]) => setValues((before) => ({ ...before, [key]: value }));
  const save = () =>
    update.mutate(
      { ...values, version: current.version },
      {
        onSuccess: () => notifySuccess(t('settings.saved')),
        onError: notifyError,
      },
    );
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Textarea label={t('settings.letterhead')} autosize minRows={2} value={values.letterhead} onChange={(event) => set('letterhead', event.currentTarget.value)} />
        <TextInput label={t('settings.signatoryTitle')} value={values.signatoryTitle} onChange={(event) => set('signatoryTitle', event.currentTarget.value)} />
        <TextInput label={t('settings.signatoryName')} value={values.signatoryName} onChange={(event) => set('signatoryName', event.currentTarget.value)} />
        <NumberInput label={t('settings.annualDueDay')} min={1} max={31} value={values.annualDueDay} onChange={(value) => set('annualDueDay', typeof value === 'number' ? value : 7)} />
        <NumberInput label={t('settings.semesterDueDays')} min={0} max={180} value={values.semesterDueDays} onChange={(value) => set('semesterDueDays', typeof value === 'number' ? value : 14)} />
      </SimpleGrid>
      <Group mt="md">
        <Button onClick={save} loading={update.isPending}>
          {t('settings.save')}
        </Button>
      </Group>
    </>
  );
}

// The division's layout options and deadlines (defaults: Permendagri 25/2020).
export function ReportSettingsForm() {
  const { t } = useTranslation('annual-report');
  const settings = useReportSettings();
  return (
    <Card withBorder padding="md">
      <Title order={2} fz="h4" mb="sm">
        {t('settings.title')}
      </Title>
      {settings.data ? <SettingsFields key={settings.data.version} current={settings.data} /> : null}
    </Card>
  );
}
