import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObligationView } from '../../../../shared/obligations';
import { formatDate } from '../../../lib/format';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { useCan } from '../../../lib/session';
import { useConfirmObligation, useObligations } from '../api/obligations-api';
import { ObligationForm, type UnitOption } from './obligation-form';
import { OccurrenceList } from './occurrence-list';
import { StateBadge } from './state-badge';

type Props = { agreementId: string; units: UnitOption[] };

function ConfirmButton({ obligation }: { obligation: ObligationView }) {
  const { t } = useTranslation('obligations');
  const confirm = useConfirmObligation(obligation.id);
  return (
    <Button size="xs" loading={confirm.isPending} onClick={() => confirm.mutate(obligation.version, { onSuccess: () => notifySuccess(t('card.confirmed')), onError: notifyError })}>
      {t('card.confirm')}
    </Button>
  );
}

function ObligationCard({ obligation, units, onEdit }: { obligation: ObligationView; units: UnitOption[]; onEdit: () => void }) {
  const { t, i18n } = useTranslation('obligations');
  const unitName = units.find((unit) => unit.id === obligation.unitId)?.name;
  const schedule = obligation.kind === 'recurring' ? t('kind.everyMonths', { count: obligation.everyMonths ?? 0 }) : t(`kind.${obligation.kind}`);
  const titleId = `obligation-${obligation.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={titleId} data-testid="obligation" data-state={obligation.state}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} fz="md" id={titleId} style={{ flex: '1 1 220px' }}>
            {obligation.description}
          </Title>
          <StateBadge state={obligation.state} />
        </Group>
        <Text fz="sm" fw={500}>
          {obligation.party === 'city' ? t('card.cityThrough', { unit: unitName ?? '—' }) : t('party.partner')}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Badge variant="outline" color="dark">
            {schedule}
          </Badge>
          {obligation.evidenceRequired ? <Badge variant="outline" color="dark">{t('card.evidenceRequired')}</Badge> : null}
          {obligation.party === 'partner' ? <Badge variant="outline" color="dark">{t(obligation.confirmedAt ? 'card.isConfirmed' : 'card.notConfirmed')}</Badge> : null}
        </Group>
        <Text fz="sm">
          {obligation.clause ? t('card.clause', { clause: obligation.clause }) : t('card.noClause')}
          {' · '}
          {obligation.kind === 'trigger' ? t('card.trigger', { text: obligation.triggerText ?? '' }) : t('card.nextDue', { date: obligation.nextDueOn ? formatDate(obligation.nextDueOn, i18n.language) : t('card.noneLeft') })}
        </Text>
        {obligation.status === 'waived' && obligation.waiverReason ? <Text fz="sm">{t('occurrence.waivedBecause', { reason: obligation.waiverReason })}</Text> : null}
        <OccurrenceList obligation={obligation} />
        {obligation.abilities.canEdit || (obligation.abilities.canConfirm && !obligation.confirmedAt) ? (
          <Group gap="xs">
            {obligation.abilities.canConfirm && !obligation.confirmedAt ? <ConfirmButton obligation={obligation} /> : null}
            {obligation.abilities.canEdit ? (
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('card.edit')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

// The obligations of the parties under this agreement (issue 11), each with its due dates.
export function ObligationsSection({ agreementId, units }: Props) {
  const { t } = useTranslation('obligations');
  // The same rule the server applies to POST /agreements/:id/obligations.
  const canAdd = useCan('obligations.write');
  const obligations = useObligations(agreementId);
  const [editing, setEditing] = useState<ObligationView | 'new' | null>(null);
  if (obligations.isPending) return <Loader size="sm" aria-label={t('section.loading')} />;
  if (obligations.isError) return <Alert color="red">{errorMessage(obligations.error)}</Alert>;
  const list = obligations.data;
  return (
    <Stack component="section" aria-labelledby="obligations-title" data-testid="obligations-section">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} fz="lg" id="obligations-title">
          {t('section.title')}
        </Title>
        {canAdd ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('section.add')}
          </Button>
        ) : null}
      </Group>
      {list.length === 0 ? <Text c="dimmed">{t('section.empty')}</Text> : null}
      {list.map((obligation) => (
        <ObligationCard key={obligation.id} obligation={obligation} units={units} onEdit={() => setEditing(obligation)} />
      ))}
      <Modal closeButtonProps={{ 'aria-label': t('form.close') }} opened={editing !== null} onClose={() => setEditing(null)} title={t(editing === 'new' ? 'form.addTitle' : 'form.editTitle')} size="lg">
        {editing ? <ObligationForm agreementId={agreementId} units={units} {...(editing === 'new' ? {} : { obligation: editing })} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </Stack>
  );
}
