import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExtractionEvidence } from '../../../../shared/intake';
import { confidencePercent, isUnsure } from '../lib/review-form';

// Where the reading found a value (page and the words quoted) and how sure it is; an unsure
// reading is marked for a second look.
export function FieldEvidence({ confidence, evidence }: { confidence: number | undefined; evidence: ExtractionEvidence | undefined }) {
  const { t } = useTranslation('intake');
  if (!evidence) {
    return (
      <Text component="span" fz="xs" c="dimmed">
        {t('fields.noEvidence')}
      </Text>
    );
  }
  const percent = confidencePercent(confidence ?? 0);
  const isLow = isUnsure(confidence);
  const quote = t('fields.evidence', { page: evidence.page, text: evidence.text.replace(/\s+/g, ' ').trim() });
  return (
    <Group component="span" gap={6} wrap="nowrap" align="flex-start">
      <Badge
        component="span"
        size="sm"
        variant="filled"
        tt="none"
        title={isLow ? t('fields.unsureLabel') : undefined}
        styles={{ root: isLow ? { background: '#ffe8cc', color: '#7a3100' } : { background: '#d3f9d8', color: '#1b5e20' }, label: { overflow: 'visible' } }}
        style={{ flexShrink: 0 }}
      >
        {isLow ? t('fields.unsure', { percent }) : t('fields.sure', { percent })}
      </Badge>
      <Text component="span" fz="xs" c="dimmed" lineClamp={2} title={quote} style={{ overflowWrap: 'anywhere' }}>
        {quote}
      </Text>
    </Group>
  );
}
