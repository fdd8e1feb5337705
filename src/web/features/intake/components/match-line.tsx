import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IntakeFileView } from '../../../../shared/intake';

// The agreement the scan's number found in the register, or the promise of a new draft.
export function MatchLine({ file }: { file: Pick<IntakeFileView, 'match' | 'state'> }) {
  const { t } = useTranslation('intake');
  if (file.match) {
    return (
      <Group gap="xs" mb="sm" wrap="wrap">
        <Badge variant="light" color="teal" tt="none" styles={{ root: { color: '#0b5d3b' } }}>
          {t('file.match')}
        </Badge>
        <Anchor component={Link} to={`/agreements/${file.match.agreementId}`} fz="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('file.matchLink', { number: file.match.numberOurs ?? t('file.noNumber'), title: file.match.title })}
        </Anchor>
      </Group>
    );
  }
  if (file.state === 'accepted') return null;
  return (
    <Group gap="xs" mb="sm" wrap="wrap">
      <Badge variant="light" color="grape" tt="none" styles={{ root: { color: '#5f1a72' } }}>
        {t('file.newDraft')}
      </Badge>
      <Text fz="sm" c="dimmed">
        {t('file.newDraftHint')}
      </Text>
    </Group>
  );
}
