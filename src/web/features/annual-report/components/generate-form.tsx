import { Button, Card, Group, NumberInput, Select, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { StatutoryReportKind } from '../../../../shared/annual-report';
import { todayInTernate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useGenerateReport } from '../api/annual-report-api';

// The division picks the period; the report is generated in the background and its page opens.
export function GenerateForm() {
  const { t } = useTranslation('annual-report');
  const navigate = useNavigate();
  const generate = useGenerateReport();
  const thisYear = Number(todayInTernate().slice(0, 4));
  const [kind, setKind] = useState<StatutoryReportKind>('annual');
  const [year, setYear] = useState<number>(thisYear - 1);
  const [half, setHalf] = useState<'1' | '2'>('1');
  const submit = () => {
    generate.mutate(
      {
        kind,
        year,
        ...(kind === 'semester' ? { half: half === '2' ? 2 : 1 } : {}),
      },
      {
        onSuccess: (report) => {
          notifySuccess(t('generate.started'));
          if ('id' in report) void navigate(`/reports/${report.id}`);
        },
        onError: notifyError,
      },
    );
  };
  return (
    <Card withBorder padding="md">
      <Title order={2} fz="h4" mb="sm">
        {t('generate.title')}
      </Title>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('generate.kind')}
          data={[
            { value: 'annual', label: t('kind.annual') },
            { value: 'semester', label: t('kind.semester') },
          ]}
          value={kind}
          onChange={(value) => setKind(value === 'semester' ? 'semester' : 'annual')}
          allowDeselect={false}
          w={{ base: '100%', xs: 260 }}
        />
        <NumberInput label={t('generate.year')} min={2000} max={2200} value={year} onChange={(value) => setYear(typeof value === 'number' ? value : thisYear - 1)} w={120} />
        {kind === 'semester' ? (
          <Select
            label={t('generate.half')}
            data={[
              { value: '1', label: t('generate.half1') },
              { value: '2', label: t('generate.half2') },
            ]}
            value={half}
            onChange={(value) => setHalf(value === '2' ? '2' : '1')}
            allowDeselect={false}
            w={{ base: '100%', xs: 240 }}
          />
        ) : null}
        <Button onClick={submit} loading={generate.isPending}>
          {t('generate.submit')}
        </Button>
      </Group>
    </Card>
  );
}
