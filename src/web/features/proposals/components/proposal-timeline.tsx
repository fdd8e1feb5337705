import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProposalEventView, ProposalStageView } from '../../../../shared/proposals';
import { formatDateTime } from '../../../lib/format';
import { ProposalStateBadge } from './proposal-state-badge';

// Who did what, when, with the note the initiator or the division wrote; oldest first.
export function ProposalTimeline({ events, stages }: { events: ProposalEventView[]; stages: ProposalStageView[] }) {
  const { t, i18n } = useTranslation('proposals');
  const stageName = (code: string | null) => stages.find((stage) => stage.code === code)?.name ?? code ?? '';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="timeline-heading">
      <Title order={2} fz="md" mb="md" id="timeline-heading">
        {t('timeline.title')}
      </Title>
      {events.length === 0 ? (
        <Text c="dimmed">{t('timeline.empty')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={events.length - 1}>
          {events.map((event) => (
            <Timeline.Item key={event.id} title={<Text fw={600} fz="sm">{t(`timeline.actions.${event.action}`, { defaultValue: event.action })}</Text>}>
              <Text fz="xs" c="dimmed">
                {formatDateTime(event.at, i18n.language)} · {event.actorLabel}
              </Text>
              {event.toStage && event.fromStage !== event.toStage ? (
                <Text fz="sm">
                  {event.fromStage ? `${t('timeline.from', { stage: stageName(event.fromStage) })} ` : ''}
                  {t('timeline.to', { stage: stageName(event.toStage) })}
                </Text>
              ) : null}
              {event.toState && event.toState !== event.fromState ? <ProposalStateBadge state={event.toState} size="sm" /> : null}
              {event.note ? (
                <Text fz="sm" mt={4} style={{ whiteSpace: 'pre-wrap', borderLeft: '3px solid #dee2e6', paddingLeft: 8 }}>
                  {event.note}
                </Text>
              ) : null}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
