import { useTranslation } from 'react-i18next';
import { MessagePage } from './message-page';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <MessagePage title={t('forbidden.title')} body={t('forbidden.body')} />;
}
