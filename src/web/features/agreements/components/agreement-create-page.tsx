import { Stack } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { IntakeFileView } from '../../../../shared/intake';
import { PageHeader } from '../../../components/page-header';
import { notifySuccess } from '../../../lib/notify';
import { useCreateAgreement, useRegisterFromScan } from '../api/agreement-mutations';
import { emptyFormValues } from '../lib/form-values';
import { formValuesFromScan, type ScanProposalValues } from '../lib/scan-values';
import { AgreementForm } from './agreement-form';
import { ScanProposal } from './scan-proposal';
import { ScanStart } from './scan-start';

type FromScan = ScanProposalValues & { file: IntakeFileView };

// A new agreement typed in, or started from its signed scan: then the form opens prefilled and the
// agreement is saved with the scan attached.
export function AgreementCreatePage() {
  const { t } = useTranslation('agreements');
  const navigate = useNavigate();
  const create = useCreateAgreement();
  const register = useRegisterFromScan();
  const [fromScan, setFromScan] = useState<FromScan | null>(null);
  const onRead = useCallback((file: IntakeFileView) => {
    setFromScan((current) => {
      if (current?.file.id === file.id || !file.fields) return current;
      return { file, ...formValuesFromScan(file.fields, emptyFormValues()) };
    });
  }, []);
  const saving = fromScan ? register : create;

  return (
    <>
      <PageHeader title={t('form.createTitle')} description={t('form.createDescription')} />
      <Stack gap="md">
        {fromScan ? <ScanProposal file={fromScan.file} filled={fromScan.filled} /> : <ScanStart onRead={onRead} />}
        <AgreementForm
          // A new key when the scan has been read: the form starts again from the prefilled values.
          key={fromScan?.file.id ?? 'blank'}
          initial={fromScan?.values ?? emptyFormValues()}
          partnerSuggestion={fromScan?.partner ?? null}
          selfId={null}
          submitLabel={t('form.create')}
          isSubmitting={saving.isPending}
          serverError={saving.error}
          onCancel={() => void navigate('/agreements')}
          onSubmit={(body, onError) => {
            const done = (agreementId: string) => {
              notifySuccess(t(fromScan ? 'scan.created' : 'form.created'));
              void navigate(`/agreements/${agreementId}`);
            };
            if (fromScan) register.mutate({ fileId: fromScan.file.id, input: body }, { onSuccess: (result) => done(result.agreementId), onError });
            else create.mutate(body, { onSuccess: (view) => done(view.id), onError });
          }}
        />
      </Stack>
    </>
  );
}
