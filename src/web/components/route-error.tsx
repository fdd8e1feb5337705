import { Alert, Code, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { errorMessage } from '../lib/notify';
import { MessagePage, ReloadButton } from './message-page';
import { NotFoundPage } from './not-found-page';

// Shown in place of a screen that crashed; the rest of the shell keeps working.
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Stack>
      <MessagePage title={t('error.title')} body={t('error.body')} action={<ReloadButton label={t('actions.reload')} />} />
      <Alert color="red" variant="light" title={t('error.title')}>
        <Code block>{isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorMessage(error)}</Code>
      </Alert>
    </Stack>
  );
}
