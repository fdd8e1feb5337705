import { notifications } from '@mantine/notifications';
import i18next from 'i18next';
import { ApiError } from './api';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.localized(i18next.language);
  if (error instanceof Error) return error.message;
  return String(error);
}

// The close button needs a name for screen readers (axe: button-name).
function closeButtonProps() {
  return { 'aria-label': i18next.t('common:actions.close') };
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', title: i18next.t('common:notify.success'), message, closeButtonProps: closeButtonProps() });
}

export function notifyError(error: unknown): void {
  notifications.show({ color: 'red', title: i18next.t('common:notify.failure'), message: errorMessage(error), autoClose: 8000, closeButtonProps: closeButtonProps() });
}
