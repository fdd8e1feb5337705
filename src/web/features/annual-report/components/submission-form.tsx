import { Button, Card, Group, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatutoryReportView } from '../../../../shared/annual-report';
import { formatDate, todayInTernate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useRecordSubmission } from '../api/annual-report-api';

// The letter that carried the final report: number, date and recipient, recorded once.
export function SubmissionCard({ report }: { report: StatutoryReportView }) {
  const { t, i18n } = useTranslation('annual-report');
  const record = useRecordSubmission(report.id);
  const [letterNumber, setLetterNumber] = useState('');
  const [letterDate, setLetterDate] = useState(todayInTernate());
  const [recipient, setRecipient] = useState(t('submission.recipientDefault'));
  if (!report.submission && !report.can.submit) return null;
  const save = () =>
    record.mutate(
      { version: report.version, letterNumber, letterDate, recipient },
      {
        onSuccess: () => notifySuccess(t('submission.saved')),
        onError: notifyError,
      },
    );
  return (
    <Card withBorder padding="md">
      <Title order={2} fz="h4" mb="sm">
        {t('submission.title')}
      </Title>
      {report.submission ? (
        <Text size="sm" data-testid="submission">
          {t('submission.recorded', {
            number: report.submission.letterNumber,
            date: formatDate(report.submission.letterDate, i18n.language),
            recipient: report.submission.recipient,
          })}
        </Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={t('submission.letterNumber')} value={letterNumber} onChange={(event) => setLetterNumber(event.currentTarget.value)} required />
            <TextInput type="date" label={t('submission.letterDate')} value={letterDate} onChange={(event) => setLetterDate(event.currentTarget.value)} required />
            <TextInput label={t('submission.recipient')} value={recipient} onChange={(event) => setRecipient(event.currentTarget.value)} required />
          </SimpleGrid>
          <Group mt="md">
            <Button onClick={save} loading={record.isPending}>
              {t('submission.save')}
            </Button>
          </Group>
        </>
      )}
    </Card>
  );
}
