import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateProposalSchema, type ProposalView } from '../../../../shared/proposals';
import { apiFieldErrors, isStale, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useUpdateProposal } from '../api/proposal-mutations';
import { useProposal } from '../api/proposal-queries';
import { patchFromProposalValues, proposalValuesFromView } from '../lib/proposal-form-values';
import { ProposalForm } from './proposal-form';
import { StaleAlert } from '../../../components/save-feedback';

function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

// The "Usulan baru" form, filled with the proposal as it is, saved with the version it was opened at.
export function ProposalEditForm({ view, onDone }: { view: ProposalView; onDone: () => void }) {
  const { t } = useTranslation('proposals');
  const update = useUpdateProposal(view.id);
  const proposal = useProposal(view.id);
  const [version, setVersion] = useState(view.version);
  const [values, setValues] = useState(() => proposalValuesFromView(view));
  const [errors, setErrors] = useState<FieldErrors>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const save = () => {
    const body = patchFromProposalValues(values, version);
    const parsed = UpdateProposalSchema.safeParse(body);
    if (!parsed.success) {
      update.reset();
      setErrors(zodFieldErrors(parsed.error));
      focusFirstError();
      return;
    }
    setErrors({});
    update.mutate(body, {
      onError: (error) => {
        setErrors(apiFieldErrors(error));
        focusFirstError();
      },
      onSuccess: () => {
        notifySuccess(t('edit.saved'));
        onDone();
      },
    });
  };
  const reload = async () => {
    const fresh = (await proposal.refetch()).data;
    if (!fresh) return;
    update.reset();
    setErrors({});
    setVersion(fresh.version);
    setValues(proposalValuesFromView(fresh));
  };

  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <Stack gap="md" maw={900} component="section" aria-labelledby="proposal-edit-heading">
      <Title order={2} fz="lg" id="proposal-edit-heading" ref={headingRef} tabIndex={-1}>
        {t('edit.title')}
      </Title>
      {view.state === 'dikembalikan' ? (
        <Alert variant="light" color="blue">
          {t('edit.sentBackHint')}
        </Alert>
      ) : null}
      <ProposalForm values={values} errors={errors} canChooseUnit={false} isKindLocked={view.state !== 'draf'} onChange={setValues} />
      {isStale(update.error) ? <StaleAlert namespace="proposals" onReload={() => void reload()} isReloading={proposal.isFetching} /> : null}
      {!isStale(update.error) && (update.isError || hasFieldErrors) ? (
        <Alert color="red" variant="light" title={t('form.saveFailed')} role="alert">
          {hasFieldErrors ? t('form.checkFields') : errorMessage(update.error)}
        </Alert>
      ) : null}
      <Group gap="sm" wrap="wrap">
        <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={save} loading={update.isPending}>
          {t('edit.save')}
        </Button>
        <Button variant="subtle" onClick={onDone} disabled={update.isPending}>
          {t('form.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
