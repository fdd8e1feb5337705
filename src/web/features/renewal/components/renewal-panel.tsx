import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenewalView } from '../../../../shared/renewal';
import { formatDate, formatDateTime } from '../../../lib/format';
import { errorMessage, notifyError } from '../../../lib/notify';
import { useSettings } from '../../../lib/settings-queries';
import { downloadExtensionLetter, useRenewal } from '../api/renewal-api';
import { RenewalForm } from './renewal-form';

type Props = { agreementId: string; agreementVersion: number };

function Facts({ view }: { view: RenewalView }) {
  const { t, i18n } = useTranslation('renewal');
  const language = i18n.language;
  const evaluated = (on: string | null) => (on ? formatDate(on, language) : t('panel.none'));
  return (
    <Stack gap={4}>
      <Text fz="sm">{view.daysLeft === null ? t('panel.noEnd') : t('panel.daysLeft', { count: view.daysLeft, date: formatDate(view.endsOn, language) })}</Text>
      {/* Permendagri 25/2020 Ps 33(2): KSDPL/KSDLL only. */}
      {view.extensionLetterDueOn ? <Text fz="sm">{t('panel.letterDue', { date: formatDate(view.extensionLetterDueOn, language) })}</Text> : null}
      <Text fz="sm">{t('panel.evaluations', { since: formatDate(view.evaluations.since, language), opd: evaluated(view.evaluations.opdAnsweredOn), partner: evaluated(view.evaluations.partnerAnsweredOn) })}</Text>
    </Stack>
  );
}

// A foreign cooperation's extension letter: offered from 12 months before the end; after the
// deadline (6 months before it) still offered, with the warning that the deadline has passed.
function ExtensionLetter({ view }: { view: RenewalView }) {
  const { t, i18n } = useTranslation('renewal');
  const [isBusy, setBusy] = useState(false);
  const letter = view.extensionLetter;
  if (!letter.canDraft) return null;
  const download = () => {
    setBusy(true);
    downloadExtensionLetter(view.agreementId)
      .catch(notifyError)
      .finally(() => setBusy(false));
  };
  return (
    <Stack gap="xs" data-testid="extension-letter">
      {letter.state === 'late' ? (
        <Alert color="orange" variant="light" title={t('letter.lateTitle')}>
          {t('letter.late', { date: formatDate(letter.dueOn, i18n.language) })}
        </Alert>
      ) : null}
      <Group>
        <Button variant="light" leftSection={<IconFileTypeDocx size={18} aria-hidden />} loading={isBusy} onClick={download}>
          {t('letter.download')}
        </Button>
      </Group>
    </Stack>
  );
}

// Where an agreement in force stands on its renewal; the division records the decision.
export function RenewalPanel({ agreementId, agreementVersion }: Props) {
  const { t, i18n } = useTranslation('renewal');
  const renewal = useRenewal(agreementId);
  const warningDays = useSettings().data?.expiryWarningDays ?? null;
  const [wantsForm, setWantsForm] = useState(false);
  if (renewal.isPending) return <Loader size="sm" aria-label={t('panel.loading')} />;
  if (renewal.isError) return <Alert color="red">{errorMessage(renewal.error)}</Alert>;
  const view = renewal.data;
  const { decision } = view;
  // Years before the end the decision waits behind a button: the form belongs to the warning window.
  const inWindow = view.daysLeft !== null && warningDays !== null && view.daysLeft <= warningDays;
  const showForm = view.abilities.canDecide && (wantsForm || inWindow);
  return (
    <Card withBorder component="section" aria-labelledby="renewal-title" data-testid="renewal-panel">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="renewal-title">
          {t('panel.title')}
        </Title>
        <Facts view={view} />
        <ExtensionLetter view={view} />
        {decision ? (
          <Stack gap={4} data-testid="renewal-decision">
            <Group gap="xs">
              <Badge variant="light">{t(`decision.${decision.decision}`)}</Badge>
              <Text fz="sm" c="dimmed">
                {t('panel.decidedBy', { name: decision.decidedBy ?? '—', at: formatDateTime(decision.decidedAt, i18n.language) })}
              </Text>
            </Group>
            <Text fz="sm">{decision.reason}</Text>
            {decision.overrideReason ? <Text fz="sm">{t('panel.override', { reason: decision.overrideReason })}</Text> : null}
          </Stack>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('panel.noDecision')}
          </Text>
        )}
        {showForm ? <RenewalForm view={view} agreementVersion={agreementVersion} /> : null}
        {view.abilities.canDecide && !showForm ? (
          <Group>
            <Button variant="light" onClick={() => setWantsForm(true)}>
              {t('panel.decideEarly')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
