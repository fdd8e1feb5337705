import { Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLinkOff, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CreatePartnerLinkSchema, PARTNER_LINK_DEFAULT_DAYS, PARTNER_LINK_MAX_DAYS, type CreatePartnerLinkInput, type PartnerLinkState, type PartnerLinkView } from '../../../../shared/evaluation-links';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { usePartnerLink, useRevokePartnerLink, useSendPartnerLink } from '../api/partner-link-api';
import type { BadgeTone } from '../../../components/badge-tones';
import { ToneBadge } from '../../../components/tone-badge';

type Values = { email: string; validDays: number | '' };
const EMPTY: Values = { email: '', validDays: PARTNER_LINK_DEFAULT_DAYS };

const STATE_TONE: Record<PartnerLinkState, BadgeTone> = { active: 'teal', expired: 'gray', revoked: 'red' };

function LinkState({ link }: { link: PartnerLinkView }) {
  const { t, i18n } = useTranslation('evaluation');
  const when = (instant: string | null) => formatDateTime(instant, i18n.language);
  return (
    <Stack gap={4} mb="sm">
      <Group gap="xs">
        <ToneBadge tone={STATE_TONE[link.state]}>{t(`partnerLink.state.${link.state}`)}</ToneBadge>
        <Text fz="sm">{t('partnerLink.sentTo', { email: link.sentTo, date: when(link.createdAt) })}</Text>
      </Group>
      <Text fz="sm">{link.revokedAt ? t('partnerLink.revokedAt', { date: when(link.revokedAt) }) : t('partnerLink.expiresAt', { date: when(link.expiresAt) })}</Text>
      <Text fz="sm">{link.answeredAt ? t('partnerLink.answeredAt', { date: when(link.answeredAt) }) : t('partnerLink.notAnswered')}</Text>
    </Stack>
  );
}

// The partner's private link to one evaluation, for the division: send, resend (the previous link
// stops working), revoke, and its state. The token is never shown: only the partner's mail has it.
export function PartnerLinkPanel({ evaluationId, isOpen }: { evaluationId: string; isOpen: boolean }) {
  const { t } = useTranslation('evaluation');
  const current = usePartnerLink(evaluationId);
  const send = useSendPartnerLink(evaluationId);
  const revoke = useRevokePartnerLink(evaluationId);
  const link = current.data?.link ?? null;
  const form = useSchemaForm({
    schema: CreatePartnerLinkSchema,
    defaultValues: EMPTY,
    toBody: ({ email, validDays }: Values): CreatePartnerLinkInput => ({ ...(email.trim() ? { email: email.trim() } : {}), ...(validDays === '' ? {} : { validDays }) }),
  });
  const { values, set, error } = form;
  const submit = form.submit((input) =>
    send.mutate(input, {
      onSuccess: (sent) => {
        notifySuccess(t('partnerLink.sent', { email: sent.sentTo }));
        form.reset(EMPTY);
      },
      onError: (failure) => {
        form.showServerErrors(failure);
        notifyError(failure);
      },
    }),
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="partner-link-heading">
      <Title order={2} fz="md" mb={4} id="partner-link-heading">
        {t('partnerLink.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('partnerLink.hint')}
      </Text>
      {link ? <LinkState link={link} /> : <Text fz="sm" mb="sm">{t('partnerLink.none')}</Text>}
      {isOpen ? (
        <Stack gap="xs">
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              type="email"
              label={t('partnerLink.email')}
              description={link ? t('partnerLink.emailSame', { email: link.sentTo }) : undefined}
              value={values.email}
              onChange={(event) => set('email', event.currentTarget.value)}
              error={error('email')}
              required={!link}
              miw={240}
            />
            <NumberInput label={t('partnerLink.validDays')} min={1} max={PARTNER_LINK_MAX_DAYS} value={values.validDays} onChange={(value) => set('validDays', typeof value === 'number' ? value : '')} error={error('validDays')} w={140} />
          </Group>
          <Group gap="sm" wrap="wrap">
            <Button leftSection={<IconSend size={16} aria-hidden />} loading={send.isPending} onClick={submit}>
              {link ? t('partnerLink.resend') : t('partnerLink.send')}
            </Button>
            {link?.state === 'active' ? (
              <Button
                variant="outline"
                color="red.9"
                leftSection={<IconLinkOff size={16} aria-hidden />}
                loading={revoke.isPending}
                onClick={() => revoke.mutate(undefined, { onSuccess: () => notifySuccess(t('partnerLink.revoked')), onError: notifyError })}
              >
                {t('partnerLink.revoke')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </Paper>
  );
}
