import { Alert, Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SURE_CONFIDENCE as SURE, type ExtractedFieldName, type IntakeFileView } from '../../../../shared/intake';

const LABEL: Record<ExtractedFieldName, string> = {
  kind: 'fields.docType',
  nomorPemda: 'fields.numberOurs',
  nomorMitra: 'fields.numberPartner',
  title: 'fields.title',
  signedOn: 'fields.signedOn',
  startsOn: 'fields.startsOn',
  endsOn: 'fields.endsOn',
  termMonths: 'fields.term',
  scope: 'fields.scope',
  parties: 'fields.partners',
};

// What the scan filled in, each with where it was read and how sure the reading is, so the person
// checks the unsure ones against the page before saving.
export function ScanProposal({ file, filled }: { file: IntakeFileView; filled: ExtractedFieldName[] }) {
  const { t } = useTranslation('agreements');
  return (
    <Alert color="blue" variant="light" title={t('scan.filledTitle', { name: file.fileName })}>
      <Text fz="sm" mb="xs">
        {filled.length > 0 ? t('scan.filledHint') : t('scan.nothingFilled')}
      </Text>
      {file.match ? (
        <Text fz="sm" mb="xs" c="orange.9" role="alert">
          {t('scan.alreadyRegistered')}{' '}
          <Anchor component={Link} to={`/agreements/${file.match.agreementId}`}>
            {file.match.title}
          </Anchor>
        </Text>
      ) : null}
      <List fz="sm" spacing={4}>
        {filled.map((field) => {
          const confidence = file.confidence[field] ?? 0;
          const evidence = file.evidence[field];
          return (
            <List.Item key={field}>
              <Group gap={6} wrap="wrap">
                <Text fz="sm" fw={600}>
                  {t(LABEL[field])}
                </Text>
                <Badge size="sm" variant="light" color={confidence >= SURE ? 'teal' : 'orange'}>
                  {confidence >= SURE ? t('scan.sure', { percent: Math.round(confidence * 100) }) : t('scan.unsure', { percent: Math.round(confidence * 100) })}
                </Badge>
                {evidence ? (
                  <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {t('scan.evidence', { page: evidence.page, text: evidence.text.slice(0, 120) })}
                  </Text>
                ) : null}
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
