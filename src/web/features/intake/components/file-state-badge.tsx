import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IntakeFileState, IntakeFileView } from '../../../../shared/intake';

// Dark text on light fills: readable (axe contrast) in both colour schemes' cards.
const STATE_COLORS: Record<IntakeFileState, { background: string; color: string }> = {
  queued: { background: '#e9ecef', color: '#343a40' },
  reading: { background: '#d0ebff', color: '#0b3d6e' },
  ready: { background: '#fff3bf', color: '#5c4400' },
  failed: { background: '#ffe3e3', color: '#a51111' },
  accepted: { background: '#d3f9d8', color: '#1b5e20' },
  rejected: { background: '#e9ecef', color: '#495057' },
};

export function FileStateBadge({ file }: { file: Pick<IntakeFileView, 'state' | 'page' | 'pageCount'> }) {
  const { t } = useTranslation('intake');
  return (
    <Badge variant="filled" tt="none" styles={{ root: STATE_COLORS[file.state] }}>
      {file.state === 'reading' && file.page !== null && file.pageCount !== null ? t('state.readingPage', { page: file.page, count: file.pageCount }) : t(`state.${file.state}`)}
    </Badge>
  );
}
