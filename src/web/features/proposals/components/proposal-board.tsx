import { Anchor, Badge, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardCard, ProposalBoard as Board } from '../../../../shared/proposal-durations';
import { formatDays } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { OverdueBadge } from './overdue-badge';

function Card({ card }: { card: BoardCard }) {
  const { t, i18n } = useTranslation('proposals');
  const days = formatDays(card.daysInStage, i18n.language);
  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      p="sm"
      style={{ listStyle: 'none', borderLeft: card.isOverdue ? '4px solid #c92a2a' : '4px solid #dee2e6' }}
    >
      <Stack gap={4}>
        <Anchor component={Link} to={`/proposals/${card.id}`} fw={600} fz="sm" style={{ overflowWrap: 'anywhere' }}>
          {card.title}
        </Anchor>
        <Text fz="xs" c="dimmed">
          {card.trackingCode} · {card.kind}
        </Text>
        <Text fz="xs" style={{ overflowWrap: 'anywhere' }}>
          {card.unit?.name ?? card.externalInstitution ?? '—'}
        </Text>
        <Group gap={6} wrap="wrap">
          <Text fz="xs" fw={600}>
            {card.targetDays ? t('board.daysOfTarget', { days, target: card.targetDays }) : t('board.days', { days })}
          </Text>
          {card.isOverdue ? <OverdueBadge /> : null}
          {card.state === 'dikembalikan' ? (
            <Badge size="sm" variant="filled" styles={{ root: { background: '#fff3bf', color: '#7a4b00' } }}>
              {t('board.sentBack')}
            </Badge>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}

// Columns scroll sideways inside their own box, so a phone never scrolls the whole page sideways.
export function ProposalBoard({ board }: { board: Board }) {
  const { t } = useTranslation('proposals');
  const isAssignedOnly = useCan('proposals.reviewAssignedOnly');
  return (
    <Stack gap="xs">
      <Text fz="sm" c="dimmed">
        {t('board.onlyQueue')} {isAssignedOnly ? t('board.onlyAssigned') : null}
      </Text>
      <ScrollArea type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, 'aria-label': t('board.label') }}>
        <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
          {board.columns.map((column) => (
            <Paper key={column.stageCode} component="section" aria-labelledby={`column-${column.stageCode}`} withBorder radius="md" p="sm" bg="gray.1" w={260} style={{ flexShrink: 0 }}>
              <Title order={2} fz="sm" id={`column-${column.stageCode}`}>
                {column.stageName}
              </Title>
              <Text fz="xs" c="dimmed" mb="xs">
                {t('board.count', { count: column.cards.length })} · {column.targetDays ? t('board.target', { days: column.targetDays }) : t('board.noTarget')}
              </Text>
              {column.cards.length === 0 ? (
                <Text fz="xs" c="dimmed">
                  {t('board.empty')}
                </Text>
              ) : (
                <Stack component="ul" gap="xs" m={0} p={0}>
                  {column.cards.map((card) => (
                    <Card key={card.id} card={card} />
                  ))}
                </Stack>
              )}
            </Paper>
          ))}
        </Group>
      </ScrollArea>
    </Stack>
  );
}
