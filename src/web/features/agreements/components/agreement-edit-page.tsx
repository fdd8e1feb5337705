import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';

export function AgreementEditPage() {
  const { t } = useTranslation('agreements');
  return <PageHeader title={t('nav.registry')} />;
}
