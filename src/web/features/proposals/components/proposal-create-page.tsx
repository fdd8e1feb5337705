import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateProposalSchema } from '../../../../shared/proposals';
import { PageHeader } from '../../../components/page-header';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { useCan, useCurrentUser } from '../../../lib/session';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useCreateProposal, useSubmitNewProposal } from '../api/proposal-mutations';
import { bodyFromProposalValues, emptyProposalValues } from '../lib/proposal-form-values';
import { ProposalForm } from './proposal-form';

// An OPD proposes for its own OPD; the division may record one for any OPD.
export function ProposalCreatePage() {
  const { t } = useTranslation('proposals');
  const user = useCurrentUser();
  const navigate = useNavigate();
  const canChooseUnit = useCan('proposals.chooseUnit');
  const form = useSchemaForm({
    schema: CreateProposalSchema,
    defaultValues: emptyProposalValues(canChooseUnit ? null : (user?.unitId ?? null)),
    toBody: bodyFromProposalValues,
    focusOnError: true,
  });
  const [createdId, setCreatedId] = useState<string | null>(null);
  const create = useCreateProposal();
  const transition = useSubmitNewProposal();

  // The body goes as the form made it; the schema only checked it.
  const save = (andSubmit: boolean) =>
    form.submit((_checked, values) =>
      create.mutate(bodyFromProposalValues(values), {
        onError: form.showServerErrors,
        onSuccess: (view) => {
          setCreatedId(view.id);
          if (!andSubmit) {
            notifySuccess(t('form.saved', { code: view.trackingCode }));
            void navigate(`/proposals/${view.id}`);
            return;
          }
          transition.mutate(
            { id: view.id, version: view.version },
            {
              onSuccess: () => notifySuccess(t('form.submitted', { code: view.trackingCode })),
              onError: (error) => notifyError(new Error(t('form.savedNotSubmitted', { reason: errorMessage(error) }))),
              onSettled: () => void navigate(`/proposals/${view.id}`),
            },
          );
        },
      }),
    );

  const isBusy = create.isPending || transition.isPending;
  return (
    <>
      <PageHeader title={t('form.title')} description={t('form.description')} />
      <Stack gap="md" maw={900}>
        <ProposalForm values={form.values} set={form.set} error={form.error} canChooseUnit={canChooseUnit} />
        {create.error ? (
          <Alert color="red" variant="light" title={t('form.saveFailed')} role="alert">
            {form.hasErrors ? t('form.checkFields') : errorMessage(create.error)}
          </Alert>
        ) : null}
        <Group gap="sm" wrap="wrap">
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={save(true)} loading={isBusy} disabled={createdId !== null}>
            {t('form.saveAndSubmit')}
          </Button>
          <Button variant="outline" leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={save(false)} loading={isBusy} disabled={createdId !== null}>
            {t('form.saveDraft')}
          </Button>
          <Button variant="subtle" onClick={() => void navigate('/proposals')}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
