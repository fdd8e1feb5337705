import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

// One part of a dissemination package (summary, tasks, opportunities, documents) as a titled card.
export function PackageSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

type ListSectionProps = { title: string; isEmpty: boolean; emptyText: string; addLabel: string; onAdd: () => void; children: ReactNode };

// A list the editor grows item by item: says so when empty, ends with the button that adds one.
export function PackageListSection({ title, isEmpty, emptyText, addLabel, onAdd, children }: ListSectionProps) {
  return (
    <PackageSection title={title}>
      <Stack gap="xs">
        {isEmpty ? <Text c="dimmed">{emptyText}</Text> : null}
        {children}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd}>
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </PackageSection>
  );
}
