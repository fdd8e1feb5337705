import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObligationView, OccurrenceView } from '../../../../shared/obligations';
import { formatDate } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import { downloadOccurrenceEvidence, useReopenOccurrence } from '../api/obligations-api';
import { OccurrenceForm } from './occurrence-form';
import { StateBadge } from './state-badge';

type Acting = { dueOn: string | null; status: 'met' | 'waived' };

function Recorded({ occurrence }: { occurrence: OccurrenceView }) {
  const { t } = useTranslation('obligations');
  const { evidence, recordId } = occurrence;
  return (
    <>
      {occurrence.waiverReason ? <Text fz="sm">{t('occurrence.waivedBecause', { reason: occurrence.waiverReason })}</Text> : null}
      {occurrence.note ? <Text fz="sm">{occurrence.note}</Text> : null}
      {evidence && recordId ? (
        <Anchor component="button" type="button" fz="sm" ta="left" style={{ alignSelf: 'flex-start' }} onClick={() => void downloadOccurrenceEvidence(recordId, evidence.fileName).catch(notifyError)}>
          {t('occurrence.evidence', { name: evidence.fileName })}
        </Anchor>
      ) : null}
    </>
  );
}

// Past due dates and the next few are shown; a long schedule's later ones wait behind a button.
const SHOWN_AHEAD = 2;

function visibleOccurrences(occurrences: OccurrenceView[], showAll: boolean): OccurrenceView[] {
  if (showAll) return occurrences;
  const next = occurrences.findIndex((occurrence) => occurrence.state === 'open');
  return next === -1 ? occurrences : occurrences.slice(0, next + SHOWN_AHEAD);
}

// Each due date of the obligation with its own state, and what the reader may do with it.
export function OccurrenceList({ obligation }: { obligation: ObligationView }) {
  const { t, i18n } = useTranslation('obligations');
  const [acting, setActing] = useState<Acting | null>(null);
  const [showAll, setShowAll] = useState(false);
  const shown = visibleOccurrences(obligation.occurrences, showAll);
  const hidden = obligation.occurrences.length - shown.length;
  const reopen = useReopenOccurrence(obligation.id);
  const { abilities } = obligation;
  const isOpen = obligation.status === 'open';
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('occurrence.listLabel')}>
      {shown.map((occurrence) => {
        const label = occurrence.dueOn ? formatDate(occurrence.dueOn, i18n.language) : t('occurrence.onTrigger');
        const pending = occurrence.state === 'open' || occurrence.state === 'late';
        return (
          <Group key={occurrence.dueOn ?? 'trigger'} component="li" justify="space-between" wrap="wrap" gap="xs" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} data-testid="occurrence">
            <Stack gap={2}>
              <Group gap="xs">
                <Text fz="sm" fw={500}>
                  {label}
                </Text>
                <StateBadge state={occurrence.state} />
              </Group>
              <Recorded occurrence={occurrence} />
            </Stack>
            {isOpen ? (
              <Group gap="xs">
                {pending && abilities.canMarkMet ? (
                  <Button size="xs" variant="light" onClick={() => setActing({ dueOn: occurrence.dueOn, status: 'met' })} aria-label={t('occurrence.markMetOn', { date: label })}>
                    {t('occurrence.markMet')}
                  </Button>
                ) : null}
                {pending && abilities.canWaive ? (
                  <Button size="xs" variant="default" onClick={() => setActing({ dueOn: occurrence.dueOn, status: 'waived' })} aria-label={t('occurrence.waiveOn', { date: label })}>
                    {t('occurrence.waive')}
                  </Button>
                ) : null}
                {!pending && occurrence.recordId && abilities.canReopen ? (
                  <Button size="xs" variant="default" loading={reopen.isPending} onClick={() => reopen.mutate(occurrence.dueOn, { onError: notifyError })} aria-label={t('occurrence.reopenOn', { date: label })}>
                    {t('occurrence.reopen')}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Group>
        );
      })}
      {hidden > 0 ? (
        <Group component="li" py={6}>
          <Button size="xs" variant="subtle" color="dark" onClick={() => setShowAll(true)}>
            {t('occurrence.showAll', { count: hidden })}
          </Button>
        </Group>
      ) : null}
      <Modal closeButtonProps={{ 'aria-label': t('form.close') }} opened={acting !== null} onClose={() => setActing(null)} title={t(acting?.status === 'waived' ? 'occurrence.waiveTitle' : 'occurrence.metTitle')}>
        {acting ? <OccurrenceForm obligation={obligation} dueOn={acting.dueOn} status={acting.status} onDone={() => setActing(null)} /> : null}
      </Modal>
    </Stack>
  );
}
