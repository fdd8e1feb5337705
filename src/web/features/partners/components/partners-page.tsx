import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';

export function PartnersPage() {
  const { t } = useTranslation('partners');
  return <PageHeader title={t('nav.partners')} />;
}
