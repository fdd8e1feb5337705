import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { HelpLink } from './help-link';

export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  // The browser tab and screen readers name the page, not only the app.
  useDocumentTitle(typeof title === 'string' ? `${title} — Jalin` : 'Jalin');
  return (
    <Group justify="space-between" align="flex-start" gap="sm" mb="md" wrap="wrap">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {typeof description === 'string' ? <Text c="dimmed">{description}</Text> : description ? <div>{description}</div> : null}
      </Stack>
      <Group gap="xs" wrap="wrap">
        <HelpLink />
        {actions}
      </Group>
    </Group>
  );
}
