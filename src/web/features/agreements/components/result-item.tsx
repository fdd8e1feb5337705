import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconCalendar, IconFiles, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementListItem } from '../../../../shared/search';
import { StatusBadge } from '../../../components/status-badge';
import { formatDate } from '../../../lib/format';
import { SnippetText } from './snippet-text';

function Fact({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
      <span aria-hidden style={{ display: 'flex', paddingTop: 2, color: 'var(--mantine-color-gray-7)' }}>
        {icon}
      </span>
      <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

function Numbers({ item }: { item: AgreementListItem }) {
  const { t } = useTranslation('agreements');
  if (!item.numberOurs && !item.numberPartner) return null;
  return (
    <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
      {item.numberOurs ? `${t('fields.numberOurs')}: ${item.numberOurs}` : null}
      {item.numberOurs && item.numberPartner ? ' · ' : null}
      {item.numberPartner ? `${t('fields.numberPartner')}: ${item.numberPartner}` : null}
    </Text>
  );
}

function Dates({ item }: { item: AgreementListItem }) {
  const { t, i18n } = useTranslation('agreements');
  const parts = [
    item.signedOn ? `${t('list.signed')} ${formatDate(item.signedOn, i18n.language)}` : null,
    item.startsOn || item.endsOn ? `${t('list.term')} ${formatDate(item.startsOn, i18n.language)} – ${formatDate(item.endsOn, i18n.language)}` : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <Fact icon={<IconCalendar size={16} />}>{parts.join(' · ')}</Fact>;
}

// The document a hit was quoted from, opened at its page (PDF viewers honour #page=).
function FoundIn({ source }: { source: NonNullable<AgreementListItem['snippetSource']> }) {
  const { t } = useTranslation('agreements');
  const href = `/api/documents/${source.documentId}/file${source.page ? `#page=${String(source.page)}` : ''}`;
  return (
    <Anchor href={href} target="_blank" rel="noopener" fz="xs">
      {source.page ? t('list.foundIn', { name: source.fileName, page: source.page }) : t('list.foundInNoPage', { name: source.fileName })}
    </Anchor>
  );
}

export function ResultItem({ item }: { item: AgreementListItem }) {
  const { t } = useTranslation('agreements');
  const others = item.partnerNames.length - 1;
  return (
    <Paper component="article" withBorder radius="md" p="md" shadow="xs">
      <Stack gap={8}>
        <Group gap="xs" wrap="wrap">
          <StatusBadge status={item.status} size="sm" />
          <Badge size="sm" variant="outline" color="gray.8">
            {item.docType}
          </Badge>
          <Text fz="xs" c="dimmed">
            {item.kind}
          </Text>
        </Group>
        <Title order={3} fz="md" lh={1.35}>
          <Anchor component={Link} to={`/agreements/${item.id}`} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Anchor>
        </Title>
        <Numbers item={item} />
        <Group wrap="wrap" align="flex-start" style={{ columnGap: 'var(--mantine-spacing-lg)', rowGap: 4 }}>
          {item.primaryPartner ? (
            <Fact icon={<IconUsers size={16} />}>
              {item.primaryPartner.name}
              {others > 0 ? ` ${t('list.morePartners', { count: others })}` : ''}
            </Fact>
          ) : null}
          {item.leadUnit ? <Fact icon={<IconBuilding size={16} />}>{item.leadUnit.name}</Fact> : null}
          <Dates item={item} />
          {item.documentCount > 0 ? <Fact icon={<IconFiles size={16} />}>{t('list.documents', { count: item.documentCount })}</Fact> : null}
        </Group>
        {item.snippet ? <SnippetText html={item.snippet} /> : null}
        {item.snippetSource ? <FoundIn source={item.snippetSource} /> : null}
      </Stack>
    </Paper>
  );
}
