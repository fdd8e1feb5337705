import { Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function MessagePage({ title, body, action }: { title: string; body: string; action?: ReactNode }) {
  return (
    <Stack align="flex-start" gap="sm" py="xl" maw={560}>
      <Title order={1}>{title}</Title>
      <Text>{body}</Text>
      {action}
    </Stack>
  );
}

export function ReloadButton({ label }: { label: string }) {
  return (
    <Button variant="light" onClick={() => window.location.reload()}>
      {label}
    </Button>
  );
}
