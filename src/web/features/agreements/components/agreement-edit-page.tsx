import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useAgreement } from '../../../lib/shared-agreement-queries';
import { useUpdateAgreement } from '../api/agreement-mutations';
import { useReloadAgreement } from '../api/agreement-queries';
import { formValuesFromView } from '../lib/form-values';
import { AgreementForm } from './agreement-form';

export function AgreementEditPage() {
  const { t } = useTranslation('agreements');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const agreement = useAgreement(id);
  const update = useUpdateAgreement(id);
  const reloadAgreement = useReloadAgreement(id);
  if (agreement.isPending) return <PageLoader />;
  if (agreement.isError) return <Alert color="red">{errorMessage(agreement.error)}</Alert>;
  const view = agreement.data;
  // Reloading shows the other person's version; the form restarts from it (keyed by version).
  const reload = async () => {
    update.reset();
    await reloadAgreement();
  };
  return (
    <>
      <PageHeader title={t('form.editTitle')} description={view.title} />
      <AgreementForm
        key={view.version}
        initial={formValuesFromView(view)}
        selfId={view.id}
        submitLabel={t('actions.save', { ns: 'common' })}
        isSubmitting={update.isPending}
        serverError={update.error}
        onReload={() => void reload()}
        onCancel={() => void navigate(`/agreements/${id}`)}
        onSubmit={(body, onError) =>
          update.mutate(
            { ...body, version: view.version },
            {
              onSuccess: () => {
                notifySuccess(t('form.saved'));
                void navigate(`/agreements/${id}`);
              },
              onError,
            },
          )
        }
      />
    </>
  );
}
