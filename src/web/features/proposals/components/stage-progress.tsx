import { Badge, Box, Group, Paper, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconPlayerPlay, IconPlayerSkipForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProposalStageView } from '../../../../shared/proposals';

const ICONS = { selesai: IconCircleCheck, berjalan: IconPlayerPlay, menunggu: IconCircleDashed, dilewati: IconPlayerSkipForward } as const;
const COLORS = { selesai: '#1b5e20', berjalan: '#0b4a80', menunggu: '#495057', dilewati: '#495057' } as const;

// Every stage of the procedure in order, the current one marked in words (aria-current) and not by colour only.
export function StageProgress({ stages }: { stages: ProposalStageView[] }) {
  const { t } = useTranslation('proposals');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="stages-heading">
      <Title order={2} fz="md" mb="sm" id="stages-heading">
        {t('detail.stages')}
      </Title>
      <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {stages.map((stage) => {
          const Icon = ICONS[stage.status];
          const isCurrent = stage.status === 'berjalan';
          return (
            <Box
              component="li"
              key={stage.code}
              aria-current={isCurrent ? 'step' : undefined}
              py={6}
              px="xs"
              style={{ borderLeft: isCurrent ? '4px solid #1c7ed6' : '4px solid transparent', background: isCurrent ? '#e7f5ff' : undefined, borderRadius: 4 }}
            >
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Icon size={20} color={COLORS[stage.status]} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Box style={{ minWidth: 0, flex: 1 }}>
                  <Group gap={6} wrap="wrap">
                    <Text fz="sm" fw={isCurrent ? 700 : 500} td={stage.status === 'dilewati' ? 'line-through' : undefined}>
                      {stage.position + 1}. {stage.name}
                    </Text>
                    <Badge size="xs" variant="filled" styles={{ root: isCurrent ? { background: '#1864ab', color: '#ffffff' } : { background: '#e9ecef', color: '#343a40' } }}>
                      {t(`detail.stageStatus.${stage.status}`)}
                    </Badge>
                  </Group>
                  {stage.status === 'dilewati' ? (
                    <Text fz="xs" c="dimmed">
                      {t('detail.skippedHint')}
                    </Text>
                  ) : null}
                </Box>
              </Group>
            </Box>
          );
        })}
      </Box>
    </Paper>
  );
}
