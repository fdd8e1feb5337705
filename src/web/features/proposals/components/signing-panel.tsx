import { Alert, Anchor, Box, Button, Checkbox, Group, List, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KSDD_MODES, type CooperationKind, type KsddMode } from '../../../../shared/agreement-codes';
import { DRAFT_TYPES, SIGNING_MODES, type DraftType, type RegisterSigningInput, type SigningMode, type SigningView } from '../../../../shared/proposal-signing';
import { formatDate } from '../../../lib/format';
import { useMasterData } from '../../../lib/master-data';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useCreateSigning, useRegisterSigning, useSignings, useUpdateSigning } from '../api/proposal-process';
import { ErrorAlert } from '../../../components/save-feedback';

function ScheduleForm({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('proposals');
  const create = useCreateSigning(proposalId);
  const [form, setForm] = useState<{ docType: DraftType; mode: SigningMode; scheduledOn: string; place: string }>({ docType: 'kb', mode: 'seremonial', scheduledOn: '', place: '' });
  return (
    <Stack gap="sm">
      <Title order={3} fz="sm">
        {t('signing.schedule')}
      </Title>
      <Group gap="sm" wrap="wrap" align="flex-start">
        <Select label={t('signing.docType')} data={DRAFT_TYPES.map((value) => ({ value, label: t(`signing.type.${value}`) }))} value={form.docType} onChange={(value) => setForm({ ...form, docType: DRAFT_TYPES.find((type) => type === value) ?? 'kb' })} allowDeselect={false} w={{ base: '100%', xs: 220 }} />
        <Select label={t('signing.mode')} data={SIGNING_MODES.map((value) => ({ value, label: t(`signing.modes.${value}`) }))} value={form.mode} onChange={(value) => setForm({ ...form, mode: SIGNING_MODES.find((mode) => mode === value) ?? 'seremonial' })} allowDeselect={false} w={{ base: '100%', xs: 200 }} />
        <TextInput type="date" label={t('signing.date')} value={form.scheduledOn} onChange={(event) => setForm({ ...form, scheduledOn: event.currentTarget.value })} required w={{ base: '100%', xs: 180 }} />
        <TextInput label={t('signing.place')} value={form.place} onChange={(event) => setForm({ ...form, place: event.currentTarget.value })} required style={{ flex: '1 1 220px' }} />
      </Group>
      <ErrorAlert error={create.error} />
      <Button onClick={() => create.mutate(form, { onSuccess: () => notifySuccess(t('signing.scheduled')) })} loading={create.isPending} disabled={!form.scheduledOn || form.place.trim().length < 3} style={{ alignSelf: 'flex-start' }}>
        {t('signing.scheduleButton')}
      </Button>
    </Stack>
  );
}

const CHECKS = ['parafEveryPage', 'meterai', 'sealEveryCopy'] as const;

// What the register needs that the proposal does not say: the numbers both parties gave the signed
// text, and — for a proposal from outside — the OPD that will carry it; for KSDD, wajib or sukarela.
type RegisterNeeds = { kind: CooperationKind; needsLeadUnit: boolean };
type Registration = { title: string; startsOn: string; endsOn: string; numberOurs: string; numberPartner: string; leadUnitId: string | null; ksddMode: KsddMode | null };

function registerInput(form: Registration, version: number): RegisterSigningInput {
  return {
    ...(form.title.trim() ? { title: form.title.trim() } : {}),
    startsOn: form.startsOn || null,
    endsOn: form.endsOn || null,
    ...(form.numberOurs.trim() ? { numberOurs: form.numberOurs.trim() } : {}),
    ...(form.numberPartner.trim() ? { numberPartner: form.numberPartner.trim() } : {}),
    ...(form.leadUnitId ? { leadUnitId: form.leadUnitId } : {}),
    ...(form.ksddMode ? { ksddMode: form.ksddMode } : {}),
    version,
  };
}

function SigningItem({ proposalId, signing, canManage, needs }: { proposalId: string; signing: SigningView; canManage: boolean; needs: RegisterNeeds }) {
  const { t, i18n } = useTranslation('proposals');
  const update = useUpdateSigning(proposalId);
  const register = useRegisterSigning(proposalId);
  const master = useMasterData();
  const [period, setPeriod] = useState<Registration>({ title: '', startsOn: signing.scheduledOn, endsOn: '', numberOurs: '', numberPartner: '', leadUnitId: null, ksddMode: null });
  const units = (master.data?.units ?? []).filter((unit) => unit.isActive).map((unit) => ({ value: unit.id, label: unit.name }));
  const missingChoice = (needs.needsLeadUnit && !period.leadUnitId) || (needs.kind === 'KSDD' && !period.ksddMode);
  const isRegistered = signing.agreementId !== null;
  const failure = update.error ?? register.error;
  return (
    <Box style={{ borderLeft: '3px solid #dee2e6', paddingLeft: 10 }}>
      <Text fw={600} fz="sm">
        {t(`signing.type.${signing.docType}`)} · {t(`signing.modes.${signing.mode}`)} · {formatDate(signing.scheduledOn, i18n.language)} · {signing.place}
      </Text>
      <Group gap="md" my={6} wrap="wrap">
        {CHECKS.map((check) => (
          <Checkbox
            key={check}
            label={t(`signing.checks.${check}`)}
            checked={signing.check[check]}
            disabled={!canManage || isRegistered || update.isPending}
            onChange={(event) => update.mutate({ signingId: signing.id, input: { [check]: event.currentTarget.checked, version: signing.version } })}
          />
        ))}
      </Group>
      <Text fz="xs" c="dimmed">
        {signing.signedDocument ? t('signing.signedFile', { name: signing.signedDocument.fileName, n: signing.signedDocument.versionNo }) : t('signing.noSignedFile')}
      </Text>
      {signing.blockers.length > 0 && !isRegistered ? (
        <List size="xs" mt={4}>
          {signing.blockers.map((blocker) => (
            <List.Item key={blocker.code}>{i18n.language.startsWith('en') ? blocker.messageEn : blocker.message}</List.Item>
          ))}
        </List>
      ) : null}
      {isRegistered ? (
        <Anchor component={Link} to={`/agreements/${signing.agreementId ?? ''}`} fz="sm" fw={600}>
          {t('signing.openAgreement')}
        </Anchor>
      ) : canManage ? (
        <Group gap="sm" mt="xs" align="flex-end" wrap="wrap">
          <TextInput label={t('signing.agreementTitle')} description={t('signing.agreementTitleHint')} value={period.title} onChange={(event) => setPeriod({ ...period, title: event.currentTarget.value })} style={{ flex: '1 1 100%' }} />
          <TextInput type="date" label={t('signing.startsOn')} value={period.startsOn} onChange={(event) => setPeriod({ ...period, startsOn: event.currentTarget.value })} w={{ base: '100%', xs: 180 }} />
          <TextInput type="date" label={t('signing.endsOn')} value={period.endsOn} onChange={(event) => setPeriod({ ...period, endsOn: event.currentTarget.value })} w={{ base: '100%', xs: 180 }} />
          <TextInput label={t('signing.numberOurs')} value={period.numberOurs} onChange={(event) => setPeriod({ ...period, numberOurs: event.currentTarget.value })} w={{ base: '100%', xs: 220 }} />
          <TextInput label={t('signing.numberPartner')} value={period.numberPartner} onChange={(event) => setPeriod({ ...period, numberPartner: event.currentTarget.value })} w={{ base: '100%', xs: 220 }} />
          {needs.needsLeadUnit ? (
            <Select label={t('signing.leadUnit')} data={units} value={period.leadUnitId} onChange={(value) => setPeriod({ ...period, leadUnitId: value })} searchable required w={{ base: '100%', xs: 320 }} />
          ) : null}
          {needs.kind === 'KSDD' ? (
            <Select
              label={t('signing.ksddMode')}
              data={KSDD_MODES.map((value) => ({ value, label: t(`signing.ksddModes.${value}`) }))}
              value={period.ksddMode}
              onChange={(value) => setPeriod({ ...period, ksddMode: KSDD_MODES.find((mode) => mode === value) ?? null })}
              required
              w={{ base: '100%', xs: 220 }}
            />
          ) : null}
          <Button
            onClick={() => register.mutate({ signingId: signing.id, input: registerInput(period, signing.version) }, { onSuccess: () => notifySuccess(t('signing.registered')) })}
            loading={register.isPending}
            disabled={signing.blockers.length > 0 || missingChoice}
          >
            {t('signing.register')}
          </Button>
        </Group>
      ) : null}
      {failure ? (
        <Alert color="red" variant="light" role="alert" mt="xs">
          {errorMessage(failure)}
        </Alert>
      ) : null}
    </Box>
  );
}

// Signing: schedule, post-signing check, signed PDF (uploaded as a document of its type), register.
export function SigningPanel({ proposalId, canManage, needs }: { proposalId: string; canManage: boolean; needs: RegisterNeeds }) {
  const { t } = useTranslation('proposals');
  const signings = useSignings(proposalId);
  const items = signings.data ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="signing-heading">
      <Title order={2} fz="md" mb={4} id="signing-heading">
        {t('signing.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('signing.hint')}
      </Text>
      {signings.isError ? <Text c="dimmed">{errorMessage(signings.error)}</Text> : null}
      {signings.isSuccess && items.length === 0 ? <Text c="dimmed">{t('signing.empty')}</Text> : null}
      <Stack gap="md" mb={canManage ? 'lg' : 0}>
        {items.map((signing) => (
          <SigningItem key={`${signing.id}-${String(signing.version)}`} proposalId={proposalId} signing={signing} canManage={canManage} needs={needs} />
        ))}
      </Stack>
      {canManage ? <ScheduleForm proposalId={proposalId} /> : null}
    </Paper>
  );
}
