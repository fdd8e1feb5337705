import { Alert, Button, Group, Stack, Switch } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateAgreementSchema } from '../../../../shared/agreements';
import { StaleAlert } from '../../../components/save-feedback';
import { isStale } from '../../../lib/form-errors';
import { errorMessage } from '../../../lib/notify';
import { useSettings } from '../../../lib/settings-queries';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { bodyFromFormValues, type AgreementFormOutput, type AgreementFormValues } from '../lib/form-values';
import { FormSection } from './form-section';
import { ContentFields, DateFields, IdentityFields, NoParentReasonField, ParentField, UnitSectorFields } from './form-fields';
import { PartnerPicker } from './partner-picker';

type Props = {
  initial: AgreementFormValues;
  selfId: string | null;
  submitLabel: string;
  isSubmitting: boolean;
  serverError: unknown;
  // onError puts the server's messages under the fields it names.
  onSubmit: (body: AgreementFormOutput, onError: (error: unknown) => void) => void;
  onCancel: () => void;
  onReload?: () => void;
  // A partner's name read from the signed scan the form was prefilled from.
  partnerSuggestion?: string | null;
  // More of the same form, shown before its buttons (the create page's signed PDF).
  children?: ReactNode;
};

function ServerProblem({ error, hasFieldErrors, onReload }: { error: unknown; hasFieldErrors: boolean; onReload: (() => void) | undefined }) {
  const { t } = useTranslation('agreements');
  if (!error) return null;
  if (isStale(error) && onReload) return <StaleAlert namespace="agreements" onReload={onReload} />;
  return (
    <Alert color="red" variant="light" title={t('form.saveFailed')} role="alert">
      {hasFieldErrors ? t('form.checkFields') : errorMessage(error)}
    </Alert>
  );
}

// Checked in the browser with the same schema the server uses, then by the server itself.
export function AgreementForm(props: Props) {
  const { t } = useTranslation('agreements');
  const settings = useSettings();
  const form = useSchemaForm({ schema: CreateAgreementSchema, defaultValues: props.initial, toBody: bodyFromFormValues, focusOnError: true });
  const { values, set } = form;
  const submit = form.submit((body) => props.onSubmit(body, form.showServerErrors));
  const section = { values, set, error: form.error };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ServerProblem error={props.serverError} hasFieldErrors={form.hasErrors} onReload={props.onReload} />
        {form.hasErrors && !props.serverError ? (
          <Alert color="red" variant="light" role="alert">
            {t('form.checkFields')}
          </Alert>
        ) : null}
        <FormSection title={t('form.sections.identity')}>
          <IdentityFields {...section} />
        </FormSection>
        <FormSection title={t('form.sections.partners')}>
          <PartnerPicker value={values.partners} onChange={(partners) => set('partners', partners)} error={form.error} suggestion={props.partnerSuggestion ?? null} />
        </FormSection>
        <FormSection title={t('form.sections.dates')}>
          <DateFields {...section} maxTermYears={settings.data?.maxTermYears ?? 5} />
        </FormSection>
        <FormSection title={t('form.sections.units')}>
          <UnitSectorFields {...section} />
        </FormSection>
        <FormSection title={t('form.sections.content')}>
          <ContentFields {...section} />
          <ParentField {...section} selfId={props.selfId} />
          <NoParentReasonField {...section} />
        </FormSection>
        <FormSection title={t('form.sections.publication')}>
          <Switch label={t('fields.isDraft')} description={t('form.draftHint')} checked={values.isDraft} onChange={(event) => set('isDraft', event.currentTarget.checked)} />
          <Switch label={t('form.publicLabel')} description={t('form.publicHint')} checked={values.isPublic} onChange={(event) => set('isPublic', event.currentTarget.checked)} />
        </FormSection>
        {props.children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button type="submit" loading={props.isSubmitting}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
