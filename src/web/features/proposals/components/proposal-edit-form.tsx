import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateProposalSchema, type ProposalView } from '../../../../shared/proposals';
import { StaleAlert } from '../../../components/save-feedback';
import { isStale } from '../../../lib/form-errors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useUpdateProposal } from '../api/proposal-mutations';
import { useProposal } from '../api/proposal-queries';
import { patchFromProposalValues, proposalValuesFromView } from '../lib/proposal-form-values';
import { ProposalForm } from './proposal-form';

// The "Usulan baru" form, filled with the proposal as it is, saved with the version it was opened at.
export function ProposalEditForm({ view, onDone }: { view: ProposalView; onDone: () => void }) {
  const { t } = useTranslation('proposals');
  const update = useUpdateProposal(view.id);
  const proposal = useProposal(view.id);
  const [version, setVersion] = useState(view.version);
  const form = useSchemaForm({
    schema: UpdateProposalSchema,
    defaultValues: proposalValuesFromView(view),
    toBody: (values) => patchFromProposalValues(values, version),
    focusOnError: true,
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  // The body goes as the form made it; the schema only checked it.
  const submit = form.submit((_checked, values) =>
    update.mutate(patchFromProposalValues(values, version), {
      onError: form.showServerErrors,
      onSuccess: () => {
        notifySuccess(t('edit.saved'));
        onDone();
      },
    }),
  );
  const save = () => {
    // A refusal from an earlier try is not shown over a new check.
    update.reset();
    submit();
  };
  const reload = async () => {
    const fresh = (await proposal.refetch()).data;
    if (!fresh) return;
    update.reset();
    setVersion(fresh.version);
    form.reset(proposalValuesFromView(fresh));
  };

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
      <ProposalForm values={form.values} set={form.set} error={form.error} canChooseUnit={false} isKindLocked={view.state !== 'draf'} />
      {isStale(update.error) ? <StaleAlert namespace="proposals" onReload={() => void reload()} isReloading={proposal.isFetching} /> : null}
      {!isStale(update.error) && (update.isError || form.hasErrors) ? (
        <Alert color="red" variant="light" title={t('form.saveFailed')} role="alert">
          {form.hasErrors ? t('form.checkFields') : errorMessage(update.error)}
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
