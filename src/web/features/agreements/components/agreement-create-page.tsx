import { Stack } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { IntakeFileView } from '../../../../shared/intake';
import { PageHeader } from '../../../components/page-header';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { useFileUpload } from '../../../lib/use-file-upload';
import { useAttachSignedDocument, useCreateAgreement, useRegisterFromScan } from '../api/agreement-mutations';
import { emptyFormValues } from '../lib/form-values';
import { formValuesFromScan, type ScanProposalValues } from '../lib/scan-values';
import { AgreementForm } from './agreement-form';
import { ScanProposal } from './scan-proposal';
import { ScanStart } from './scan-start';
import { SignedFileField } from './signed-file-field';

type FromScan = ScanProposalValues & { file: IntakeFileView };

// A new agreement typed in, or started from its signed scan: then the form opens prefilled and the
// agreement is saved with the scan attached.
export function AgreementCreatePage() {
  const { t } = useTranslation('agreements');
  const navigate = useNavigate();
  const create = useCreateAgreement();
  const register = useRegisterFromScan();
  const [fromScan, setFromScan] = useState<FromScan | null>(null);
  const signed = useFileUpload();
  const upload = useAttachSignedDocument();
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
          isSubmitting={saving.isPending || upload.isPending}
          serverError={saving.error}
          onCancel={() => void navigate('/agreements')}
          onSubmit={(body, onError) => {
            const done = (agreementId: string) => {
              notifySuccess(t(fromScan ? 'scan.created' : 'form.created'));
              void navigate(`/agreements/${agreementId}`);
            };
            // Saved first; a refused PDF then leaves the agreement saved and says where to attach it.
            const attach = (agreementId: string) => {
              const file = signed.begin();
              if (!file) return done(agreementId);
              upload.mutate(
                { agreementId, file, onProgress: signed.onProgress },
                {
                  onSuccess: () => done(agreementId),
                  onError: (failure) => {
                    notifyError(new Error(t('signedFile.failed', { error: errorMessage(failure) })));
                    void navigate(`/agreements/${agreementId}?tab=documents`);
                  },
                },
              );
            };
            if (fromScan) register.mutate({ fileId: fromScan.file.id, input: body }, { onSuccess: (result) => done(result.agreementId), onError });
            else create.mutate(body, { onSuccess: (view) => attach(view.id), onError });
          }}
        >
          {fromScan ? null : <SignedFileField file={signed.file} onFileChange={signed.setFile} maxBytes={signed.maxBytes} isUploading={upload.isPending} progress={signed.progress} />}
        </AgreementForm>
      </Stack>
    </>
  );
}
