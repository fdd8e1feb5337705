import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconArrowRight, IconBan, IconCheck, IconPlayerPlay, IconSend, IconX, IconArchive } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalAction, ProposalView } from '../../../../shared/proposals';
import { AppModal } from '../../../components/app-modal';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useTransitionProposal } from '../api/proposal-mutations';

const ICONS = { submit: IconSend, validate: IconCheck, advance: IconArrowRight, send_back: IconArrowBackUp, resume: IconPlayerPlay, reject: IconX, withdraw: IconBan, register: IconArchive } as const;
// Sending back and rejecting tell the initiator why, so the note is required (as on the server).
const NEEDS_NOTE: readonly ProposalAction[] = ['send_back', 'reject'];
const DANGER: readonly ProposalAction[] = ['reject', 'withdraw'];
const PRIMARY: readonly ProposalAction[] = ['submit', 'validate', 'advance', 'resume', 'register'];

function ActionDialog({ view, action, onClose }: { view: ProposalView; action: ProposalAction; onClose: () => void }) {
  const { t } = useTranslation('proposals');
  const transition = useTransitionProposal(view.id);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const needsNote = NEEDS_NOTE.includes(action);
  const confirm = () => {
    const trimmed = note.trim();
    if (needsNote && trimmed.length < 5) {
      setNoteError(t('actions.noteTooShort'));
      return;
    }
    transition.mutate(
      { action, version: view.version, note: trimmed || null },
      {
        onSuccess: () => {
          notifySuccess(t('actions.done', { action: t(`actions.${action}`) }));
          onClose();
        },
      },
    );
  };
  return (
    <AppModal opened onClose={onClose} title={t(`actions.${action}`)} centered>
      <Stack gap="sm">
        <Text fz="sm">{t(`actions.confirm.${action}`, { stage: view.stageName ?? view.stageCode })}</Text>
        <Textarea
          label={needsNote ? t('actions.noteRequired') : t('actions.note')}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setNoteError(null);
          }}
          error={noteError}
          required={needsNote}
          autosize
          minRows={3}
          maxLength={4000}
          data-autofocus
        />
        {transition.isError ? (
          // A 409 from the procedure says why (a missing document, a closed proposal, a stale page).
          <Alert color="red" variant="light" title={t('actions.refused')} role="alert">
            {errorMessage(transition.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color={DANGER.includes(action) ? 'red.9' : undefined} onClick={confirm} loading={transition.isPending}>
            {t(`actions.${action}`)}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

// Only the actions the API allows this user now; the server checks again.
export function ProposalActions({ view }: { view: ProposalView }) {
  const { t } = useTranslation('proposals');
  const [open, setOpen] = useState<ProposalAction | null>(null);
  if (view.allowedActions.length === 0) return null;
  return (
    <>
      {view.allowedActions.map((action) => {
        const Icon = ICONS[action];
        return (
          <Button
            key={action}
            variant={PRIMARY.includes(action) ? 'filled' : 'outline'}
            color={DANGER.includes(action) ? 'red.9' : undefined}
            leftSection={<Icon size={16} aria-hidden />}
            onClick={() => setOpen(action)}
          >
            {t(`actions.${action}`)}
          </Button>
        );
      })}
      {open ? <ActionDialog key={`${open}-${view.version}`} view={view} action={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
