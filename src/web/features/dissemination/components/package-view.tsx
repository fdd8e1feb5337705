import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PackageView } from '../../../../shared/dissemination';
import { formatDate } from '../../../lib/format';
import { useMasterLookups } from '../../../lib/master-data';
import { PackageSection } from './package-section';

// The package as an OPD (or leadership) reads it.
export function PackageReadView({ pkg }: { pkg: PackageView }) {
  const { t, i18n } = useTranslation('dissemination');
  const { sectorName } = useMasterLookups();
  const summary: [string, string | null][] = [
    [t('summary.what'), pkg.summaryWhat],
    [t('summary.withWhom'), pkg.summaryWithWhom],
    [t('summary.until'), pkg.summaryUntil],
    [t('summary.why'), pkg.summaryWhy],
  ];
  const unitNames = [...new Set(pkg.tasks.map((task) => task.unitName))];
  return (
    <Stack gap="md">
      <PackageSection title={t('summary.title')}>
        <Stack gap="xs">
          {summary
            .filter(([, text]) => text)
            .map(([label, text]) => (
              <div key={label}>
                <Text fw={600} size="sm">
                  {label}
                </Text>
                <Text data-testid="package-summary-text">{text}</Text>
              </div>
            ))}
        </Stack>
      </PackageSection>
      <PackageSection title={t('tasks.title')}>
        {unitNames.length === 0 ? <Text c="dimmed">{t('tasks.none')}</Text> : null}
        <Stack gap="xs">
          {unitNames.map((unitName) => (
            <div key={unitName}>
              <Text fw={600}>{unitName}</Text>
              <List size="sm">
                {pkg.tasks
                  .filter((task) => task.unitName === unitName)
                  .map((task) => (
                    <List.Item key={task.id}>
                      {task.commitment}
                      {task.dueOn ? ` — ${t('tasks.dueOn')} ${formatDate(task.dueOn, i18n.language)}` : ''}
                    </List.Item>
                  ))}
              </List>
            </div>
          ))}
        </Stack>
      </PackageSection>
      <PackageSection title={t('opportunities.title')}>
        {pkg.opportunities.length === 0 ? <Text c="dimmed">{t('opportunities.none')}</Text> : null}
        {pkg.status === 'published' ? (
          <Text size="sm" mb="xs">
            {t('opportunities.visits', { count: pkg.portalVisits })}
          </Text>
        ) : null}
        <Stack gap="sm">
          {pkg.opportunities.map((opportunity) => (
            <div key={opportunity.id}>
              <Group gap="xs" wrap="wrap">
                <Badge variant="light">{t(`opportunities.types.${opportunity.type}`)}</Badge>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {opportunity.title}
                </Text>
              </Group>
              {opportunity.description ? <Text size="sm">{opportunity.description}</Text> : null}
              <Text size="sm" c="dimmed">
                {[
                  opportunity.deadline ? `${t('opportunities.deadline')}: ${formatDate(opportunity.deadline, i18n.language)}` : null,
                  opportunity.quota !== null ? `${t('opportunities.quota')}: ${opportunity.quota}` : null,
                  opportunity.sectorCodes.length > 0 ? opportunity.sectorCodes.map(sectorName).join(', ') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {opportunity.eligibility ? <Text size="sm">{`${t('opportunities.eligibility')}: ${opportunity.eligibility}`}</Text> : null}
              {opportunity.scheme ? <Text size="sm">{`${t('opportunities.scheme')}: ${opportunity.scheme}`}</Text> : null}
              {opportunity.whoMayApply ? <Text size="sm">{`${t('opportunities.whoMayApply')}: ${opportunity.whoMayApply}`}</Text> : null}
              {opportunity.limits ? <Text size="sm">{`${t('opportunities.limits')}: ${opportunity.limits}`}</Text> : null}
              {opportunity.howToApply ? <Text size="sm">{`${t('opportunities.howToApply')}: ${opportunity.howToApply}`}</Text> : null}
              {pkg.status === 'published' ? (
                <Text size="sm" c="dimmed">
                  {t('opportunities.clicks', { count: opportunity.applyClicks })}
                </Text>
              ) : null}
              {opportunity.applyUrl ? (
                <Anchor href={opportunity.applyUrl} target="_blank" rel="noreferrer" size="sm">
                  {opportunity.applyUrl}
                </Anchor>
              ) : null}
            </div>
          ))}
        </Stack>
      </PackageSection>
    </Stack>
  );
}
