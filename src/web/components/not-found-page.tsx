import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MessagePage } from './message-page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <MessagePage
      title={t('notFound.title')}
      body={t('notFound.body')}
      action={
        <Button component={Link} to="/agreements" variant="light">
          {t('notFound.home')}
        </Button>
      }
    />
  );
}
