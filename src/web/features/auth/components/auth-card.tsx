import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/language-switch';

// The frame of every signed-out screen (sign-in, forgotten password, a mailed link): the app's name above
// one card.
export function AuthCard({ children }: { children: ReactNode }) {
  const { t } = useTranslation('auth');
  return (
    <Box component="main" mih="100vh" bg="gray.0" py="xl" px="md">
      <Group justify="flex-end" maw={420} mx="auto" mb="md">
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <Stack gap="lg">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon size={44} radius="md" aria-hidden>
                <IconLink size={26} />
              </ThemeIcon>
              <div>
                <Title order={1} fz="h2">
                  Jalin
                </Title>
                <Text c="dimmed" fz="sm">
                  {t('subtitle')}
                </Text>
              </div>
            </Group>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}

// Plain links: these screens load before (and without) the router.
export const SIGN_IN_PATH = '/app/login';
export const FORGOT_PATH = '/app/password/forgot';
