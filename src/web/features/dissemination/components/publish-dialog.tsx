import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SEND_BACK_NOTE_LENGTH, type PackageView } from '../../../../shared/dissemination';
import { AppModal } from '../../../components/app-modal';
import { errorMessage } from '../../../lib/notify';

// What publishing does, said before it is done: which OPDs are told, whether the portal changes,
// and, while the four-eyes setting is on, that this only asks a second person to approve.
function Consequences({ pkg }: { pkg: PackageView }) {
  const { t } = useTranslation('dissemination');
  return (
    <Stack gap="xs">
      {pkg.notifiesUnitNames.length > 0 ? (
        <>
          <Text size="sm">{t('confirm.notifies', { count: pkg.notifiesUnitNames.length })}</Text>
          <List size="sm">
            {pkg.notifiesUnitNames.map((name) => (
              <List.Item key={name}>{name}</List.Item>
            ))}
          </List>
        </>
      ) : (
        <Text size="sm">{t('confirm.notifiesNone')}</Text>
      )}
      <Text size="sm">{pkg.showsOnPortal ? t('confirm.portal') : t('confirm.noPortal')}</Text>
    </Stack>
  );
}

type Props = { pkg: PackageView; mode: 'publish' | 'approve'; opened: boolean; pending: boolean; error: unknown; onClose: () => void; onConfirm: () => void };

export function PublishDialog({ pkg, mode, opened, pending, error, onClose, onConfirm }: Props) {
  const { t } = useTranslation('dissemination');
  const asks = mode === 'publish' && pkg.abilities.needsApproval;
  const title = asks ? t('confirm.requestTitle') : mode === 'approve' ? t('confirm.approveTitle') : t('confirm.publishTitle');
  return (
    <AppModal opened={opened} onClose={onClose} title={title}>
      <Stack gap="sm">
        {asks ? <Text size="sm">{t('confirm.requestLead')}</Text> : <Text size="sm">{t('confirm.publishLead')}</Text>}
        <Consequences pkg={pkg} />
        {error ? (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('confirm.cancel')}
          </Button>
          <Button color="teal.9" onClick={onConfirm} loading={pending}>
            {asks ? t('confirm.request') : mode === 'approve' ? t('confirm.approve') : t('confirm.publish')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

// The second person sends a request back to the draft with a note saying what to change.
export function SendBackDialog({ opened, pending, error, onClose, onConfirm }: { opened: boolean; pending: boolean; error: unknown; onClose: () => void; onConfirm: (note: string) => void }) {
  const { t } = useTranslation('dissemination');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const send = () => {
    if (note.trim() === '') {
      setMissing(true);
      return;
    }
    onConfirm(note.trim());
  };
  return (
    <AppModal opened={opened} onClose={onClose} title={t('confirm.sendBackTitle')}>
      <Stack gap="sm">
        <Textarea
          label={`${t('confirm.note')} *`}
          description={t('confirm.noteHint')}
          value={note}
          maxLength={MAX_SEND_BACK_NOTE_LENGTH}
          autosize
          minRows={3}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('confirm.noteRequired') : undefined}
        />
        {error ? (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('confirm.cancel')}
          </Button>
          <Button color="orange.9" onClick={send} loading={pending}>
            {t('confirm.sendBack')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
