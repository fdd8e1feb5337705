import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Warns staff that a stored PDF carries script, launch, attachment or event actions (found at upload).
export function ActiveContentBadge({ kinds }: { kinds: string[] }) {
  const { t } = useTranslation('common');
  if (kinds.length === 0) return null;
  return (
    <Tooltip label={t('activeContent.hint', { kinds: kinds.join(', ') })} multiline w={320}>
      <Badge size="xs" variant="filled" color="red.8" tabIndex={0}>
        {t('activeContent.label')}
      </Badge>
    </Tooltip>
  );
}
