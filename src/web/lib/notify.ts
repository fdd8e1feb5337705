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

type Toast = { color: string; title: string; message: string; autoClose?: number };

// The toasts' store comes with their container (providers.tsx), after the first paint: the sign-in
// page, which shows its errors inline, does not download it.
function show(toast: Toast): void {
  void import('@mantine/notifications').then(({ notifications }) => notifications.show({ ...toast, closeButtonProps: closeButtonProps() }));
}

export function notifySuccess(message: string): void {
  show({ color: 'teal', title: i18next.t('common:notify.success'), message });
}

export function notifyError(error: unknown): void {
  show({ color: 'red', title: i18next.t('common:notify.failure'), message: errorMessage(error), autoClose: 8000 });
}
