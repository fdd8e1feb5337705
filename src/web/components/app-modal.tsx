import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Every dialog's close button gets a name screen readers can announce.
export function AppModal(props: ModalProps) {
  const { t } = useTranslation();
  return <Modal closeButtonProps={{ 'aria-label': t('actions.close') }} {...props} />;
}
