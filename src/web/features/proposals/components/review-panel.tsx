import { Badge, Box, Button, Group, MultiSelect, Paper, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_DECISIONS, REVIEW_TIER_RULES, TKKSD_STAGE_CODE, type ReviewAssignmentView, type ReviewDecision, type ReviewTierRule, type ReviewView } from '../../../../shared/proposal-reviews';
import type { ProposalView } from '../../../../shared/proposals';
import { formatDateTime } from '../../../lib/format';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useCreateReview, useReplaceReviewer, useReview, useReviewDecision, useReviewerOptions } from '../api/proposal-process';
import { ErrorAlert } from '../../../components/save-feedback';

type TierDraft = { rule: ReviewTierRule; reviewerIds: string[] };

// The division sets reviewers in ordered tiers; in each tier all or any one must approve.
function AssignReviewers({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('proposals');
  const options = useReviewerOptions(true);
  const create = useCreateReview(proposalId);
  const [tiers, setTiers] = useState<TierDraft[]>([{ rule: 'all', reviewerIds: [] }]);
  const data = (options.data ?? []).map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));
  const setTier = (index: number, patch: Partial<TierDraft>) => setTiers(tiers.map((tier, position) => (position === index ? { ...tier, ...patch } : tier)));
  return (
    <Stack gap="sm">
      <Text fz="sm">{t('review.assignHint')}</Text>
      {tiers.map((tier, index) => (
        <Group key={`tier-${String(index)}`} align="flex-end" gap="sm" wrap="wrap">
          <MultiSelect label={t('review.tierReviewers', { n: index + 1 })} data={data} value={tier.reviewerIds} onChange={(reviewerIds) => setTier(index, { reviewerIds })} searchable style={{ flex: '1 1 280px' }} />
          <Select
            label={t('review.tierRule', { n: index + 1 })}
            data={REVIEW_TIER_RULES.map((value) => ({ value, label: t(`review.rule.${value}`) }))}
            value={tier.rule}
            onChange={(value) => setTier(index, { rule: REVIEW_TIER_RULES.find((rule) => rule === value) ?? 'all' })}
            allowDeselect={false}
            w={{ base: '100%', xs: 220 }}
          />
        </Group>
      ))}
      <ErrorAlert error={create.error} />
      <Group gap="sm" wrap="wrap">
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setTiers([...tiers, { rule: 'all', reviewerIds: [] }])}>
          {t('review.addTier')}
        </Button>
        <Button onClick={() => create.mutate({ tiers }, { onSuccess: () => notifySuccess(t('review.assigned')) })} loading={create.isPending} disabled={tiers.some((tier) => tier.reviewerIds.length === 0)}>
          {t('review.assign')}
        </Button>
      </Group>
    </Stack>
  );
}

function DecisionForm({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('proposals');
  const decide = useReviewDecision(proposalId);
  const [decision, setDecision] = useState<ReviewDecision>('approve');
  const [comment, setComment] = useState('');
  return (
    <Paper withBorder radius="sm" p="sm" bg="gray.0">
      <Stack gap="sm">
        <Radio.Group label={t('review.yourDecision')} value={decision} onChange={(value) => setDecision(REVIEW_DECISIONS.find((item) => item === value) ?? 'approve')}>
          <Group gap="md" mt={4} wrap="wrap">
            {REVIEW_DECISIONS.map((value) => (
              <Radio key={value} value={value} label={t(`review.decision.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea label={decision === 'approve' ? t('review.comment') : t('review.commentRequired')} value={comment} onChange={(event) => setComment(event.currentTarget.value)} required={decision !== 'approve'} autosize minRows={2} maxLength={4000} />
        <ErrorAlert error={decide.error} />
        <Button onClick={() => decide.mutate({ decision, comment: comment.trim() || null }, { onSuccess: () => notifySuccess(t('review.decided')) })} loading={decide.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('review.send')}
        </Button>
      </Stack>
    </Paper>
  );
}

// A reviewer who cannot take part is replaced while the review runs; decisions already given stay on record.
function ReplaceReviewer({ review, assignment }: { review: ReviewView; assignment: ReviewAssignmentView }) {
  const { t } = useTranslation('proposals');
  const options = useReviewerOptions(true);
  const replace = useReplaceReviewer(review.proposalId);
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const taken = new Set(review.tiers.flatMap((tier) => tier.assignments.filter((item) => item.endedAt === null).map((item) => item.reviewer.id)));
  const data = (options.data ?? []).filter((user) => !taken.has(user.id)).map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" mt={4}>
      <Select size="xs" label={t('review.replaceWith', { name: assignment.reviewer.name })} data={data} value={reviewerId} onChange={setReviewerId} searchable w={{ base: '100%', xs: 280 }} />
      <Button
        size="xs"
        variant="default"
        disabled={!reviewerId}
        loading={replace.isPending}
        onClick={() => {
          if (reviewerId) replace.mutate({ assignmentId: assignment.id, reviewerId, version: review.version }, { onSuccess: () => notifySuccess(t('review.replaced')) });
        }}
      >
        {t('review.replace')}
      </Button>
      {replace.isError ? (
        <Text fz="xs" c="red.8" role="alert">
          {errorMessage(replace.error)}
        </Text>
      ) : null}
    </Group>
  );
}

function ReviewTiers({ review, canReplace }: { review: ReviewView; canReplace: boolean }) {
  const { t, i18n } = useTranslation('proposals');
  return (
    <Stack gap="sm">
      <Text fz="sm">
        {t(`review.status.${review.status}`)} · {t('review.round', { n: review.round })}
        {review.isAwaitingRevision ? ` · ${t('review.awaitingRevision')}` : ''}
      </Text>
      {review.tiers.map((tier) => (
        <Box key={tier.position}>
          <Group gap={6} mb={4} wrap="wrap">
            <Title order={3} fz="sm">
              {t('review.tier', { n: tier.position })}
            </Title>
            <Text fz="xs" c="dimmed">
              {t(`review.rule.${tier.rule}`)} · {t(`review.tierStatus.${tier.status}`)}
            </Text>
          </Group>
          <Box component="ul" m={0} pl="md">
            {tier.assignments.filter((assignment) => assignment.endedAt === null).map((assignment) => (
              <li key={assignment.id}>
                <Group gap={6} wrap="wrap">
                  <Text fz="sm">{assignment.reviewer.name}</Text>
                  <Badge size="xs" variant="filled" styles={{ root: { background: '#e9ecef', color: '#343a40' } }}>
                    {assignment.currentDecision ? t(`review.decision.${assignment.currentDecision}`) : t('review.pending')}
                  </Badge>
                </Group>
                {canReplace && tier.status !== 'passed' && !assignment.currentDecision ? <ReplaceReviewer review={review} assignment={assignment} /> : null}
              </li>
            ))}
          </Box>
        </Box>
      ))}
      {review.decisions.length > 0 ? (
        <Box>
          <Title order={3} fz="sm" mb={4}>
            {t('review.decisions')}
          </Title>
          <Stack gap={4}>
            {review.decisions.map((decision) => (
              <Text key={decision.id} fz="sm">
                {formatDateTime(decision.at, i18n.language)} · {decision.reviewerName}: <strong>{t(`review.decision.${decision.decision}`)}</strong>
                {decision.comment ? ` — ${decision.comment}` : ''}
              </Text>
            ))}
          </Stack>
        </Box>
      ) : null}
    </Stack>
  );
}

// TKKSD review: tiers, decisions, and what this user may do now.
export function ReviewPanel({ view }: { view: ProposalView }) {
  const { t } = useTranslation('proposals');
  const review = useReview(view.id);
  const canManage = view.abilities.canManageReview;
  const canAssign = canManage && view.state === 'aktif' && view.stageCode === TKKSD_STAGE_CODE && !review.data;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="review-heading">
      <Title order={2} fz="md" mb="sm" id="review-heading">
        {t('review.title')}
      </Title>
      {review.isError ? <Text c="dimmed">{errorMessage(review.error)}</Text> : null}
      {review.data ? <ReviewTiers review={review.data} canReplace={canManage && review.data.status === 'berjalan' && view.state !== 'ditolak' && view.state !== 'dibatalkan'} /> : review.isSuccess && !canAssign ? <Text c="dimmed">{t('review.none')}</Text> : null}
      {review.data?.myPendingAssignmentId ? <DecisionForm proposalId={view.id} /> : null}
      {canAssign && review.isSuccess ? <AssignReviewers proposalId={view.id} /> : null}
    </Paper>
  );
}
