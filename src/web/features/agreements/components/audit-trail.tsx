import { Alert, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../../shared/agreements';
import { PageLoader } from '../../../components/page-loader';
import { formatDate, formatDateTime, formatRupiah } from '../../../lib/format';
import { useMasterLookups } from '../../../lib/master-data';
import { errorMessage } from '../../../lib/notify';
import { useAgreementAudit } from '../api/agreement-queries';

const CODE_FIELDS: Record<string, string> = {
  docType: 'codes.docType',
  kind: 'codes.kind',
  ksddMode: 'codes.ksddMode',
  terminationKind: 'codes.endKind',
  terminationReason: 'codes.endReason',
};

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

function useValueText() {
  const { t, i18n } = useTranslation();
  const { sectorName, categoryName } = useMasterLookups();
  const render = (field: string, value: unknown): string => {
    if (isEmpty(value)) return '—';
    if (typeof value === 'boolean') return t(value ? 'states.yes' : 'states.no');
    if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => render(field, item)).join(', ');
    if (typeof value === 'object') {
      const named = value as {
        fileName?: unknown;
        name?: unknown;
        title?: unknown;
      };
      const label = named.fileName ?? named.name ?? named.title;
      return typeof label === 'string' ? label : JSON.stringify(value);
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (field === 'valueIdr') return formatRupiah(text);
    if (field === 'primarySectorCode' || field === 'otherSectorCodes') return sectorName(text);
    if (field === 'primaryCategoryCode') return categoryName(text);
    const codePrefix = CODE_FIELDS[field];
    if (codePrefix) return t(`${codePrefix}.${text}`, { defaultValue: text });
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text, i18n.language);
    return text.length > 160 ? `${text.slice(0, 160)}…` : text;
  };
  return render;
}

function Changes({ entry }: { entry: AuditEntryView }) {
  const { t } = useTranslation('agreements');
  const valueText = useValueText();
  // A new record lists only the fields it was given.
  const changes = entry.changes.filter((change) => !(isEmpty(change.old) && isEmpty(change.new)));
  if (changes.length === 0) return <Text fz="sm">—</Text>;
  return (
    <Stack gap={4}>
      {changes.map((change) => (
        <Text key={change.field} fz="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text component="span" fw={600} fz="sm">
            {t(`fields.${change.field}`, { defaultValue: change.field })}:
          </Text>{' '}
          {valueText(change.field, change.old)} → {valueText(change.field, change.new)}
        </Text>
      ))}
    </Stack>
  );
}

function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  const { t, i18n } = useTranslation('agreements');
  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing="sm" striped>
        <Table.Caption className="jalin-sr-only">{t('audit.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.when')}</Table.Th>
            <Table.Th scope="col">{t('audit.who')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }}>
              <Table.Td fz="sm" w={200}>
                {formatDateTime(entry.at, i18n.language)}
              </Table.Td>
              <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {entry.actor}
              </Table.Td>
              <Table.Td fz="sm">
                {t(`audit.actions.${entry.action}`, {
                  defaultValue: entry.action,
                })}
              </Table.Td>
              <Table.Td w="50%">
                <Changes entry={entry} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

// On a phone each entry is a card: a four-column table would not fit.
function AuditCards({ entries }: { entries: AuditEntryView[] }) {
  const { t, i18n } = useTranslation('agreements');
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('audit.caption')}>
      {entries.map((entry) => (
        <Paper component="li" key={entry.id} withBorder radius="md" p="sm">
          <Group justify="space-between" gap={4} mb={6}>
            <Text fz="sm" fw={600}>
              {t(`audit.actions.${entry.action}`, {
                defaultValue: entry.action,
              })}
            </Text>
            <Text fz="xs" c="dimmed">
              {formatDateTime(entry.at, i18n.language)} · {entry.actor}
            </Text>
          </Group>
          <Changes entry={entry} />
        </Paper>
      ))}
    </Stack>
  );
}

export function AuditTrail({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation('agreements');
  const audit = useAgreementAudit(agreementId, true);
  const isWide = useMediaQuery('(min-width: 48em)', true);
  if (audit.isPending) return <PageLoader />;
  if (audit.isError) return <Alert color="red">{errorMessage(audit.error)}</Alert>;
  if (audit.data.length === 0) return <Text c="dimmed">{t('audit.empty')}</Text>;
  return isWide ? <AuditTable entries={audit.data} /> : <AuditCards entries={audit.data} />;
}
