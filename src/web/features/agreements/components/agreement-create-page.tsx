import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { notifySuccess } from '../../../lib/notify';
import { useCreateAgreement } from '../api/agreement-mutations';
import { emptyFormValues } from '../lib/form-values';
import { AgreementForm } from './agreement-form';

export function AgreementCreatePage() {
  const { t } = useTranslation('agreements');
  const navigate = useNavigate();
  const create = useCreateAgreement();
  return (
    <>
      <PageHeader title={t('form.createTitle')} description={t('form.createDescription')} />
      <AgreementForm
        initial={emptyFormValues()}
        selfId={null}
        submitLabel={t('form.create')}
        isSubmitting={create.isPending}
        serverError={create.error}
        onCancel={() => void navigate('/agreements')}
        onSubmit={(body, onError) =>
          create.mutate(body, {
            onSuccess: (view) => {
              notifySuccess(t('form.created'));
              void navigate(`/agreements/${view.id}`);
            },
            onError,
          })
        }
      />
    </>
  );
}
