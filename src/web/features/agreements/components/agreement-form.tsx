import { Alert, Button, Group, Stack, Switch } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CreateAgreementSchema } from '../../../../shared/agreements';
import { apiFieldErrors, isStale, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { errorMessage } from '../../../lib/notify';
import { useSettings } from '../api/agreement-queries';
import { bodyFromFormValues, type AgreementFormValues } from '../lib/form-values';
import { FormSection } from './form-section';
import { ContentFields, DateFields, IdentityFields, ParentField, UnitSectorFields } from './form-fields';
import { PartnerPicker } from './partner-picker';
import { StaleAlert } from '../../../components/save-feedback';

export type AgreementFormOutput = z.output<typeof CreateAgreementSchema>;

type Props = {
  initial: AgreementFormValues;
  selfId: string | null;
  submitLabel: string;
  isSubmitting: boolean;
  serverError: unknown;
  onSubmit: (body: AgreementFormOutput) => void;
  onCancel: () => void;
  onReload?: () => void;
};

function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

function ServerProblem({ error, fieldErrors, onReload }: { error: unknown; fieldErrors: FieldErrors; onReload: (() => void) | undefined }) {
  const { t } = useTranslation('agreements');
  if (!error) return null;
  if (isStale(error) && onReload) return <StaleAlert namespace="agreements" onReload={onReload} />;
  return (
    <Alert color="red" variant="light" title={t('form.saveFailed')} role="alert">
      {Object.keys(fieldErrors).length > 0 ? t('form.checkFields') : errorMessage(error)}
    </Alert>
  );
}

// Checked in the browser with the same schema the server uses, then by the server itself.
export function AgreementForm(props: Props) {
  const { t } = useTranslation('agreements');
  const settings = useSettings();
  const [values, setValues] = useState(props.initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const set = <K extends keyof AgreementFormValues>(field: K, value: AgreementFormValues[K]) => setValues((current) => ({ ...current, [field]: value }));
  const serverErrors = apiFieldErrors(props.serverError);
  const errors = { ...serverErrors, ...clientErrors };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const parsed = CreateAgreementSchema.safeParse(bodyFromFormValues(values));
    if (!parsed.success) {
      setClientErrors(zodFieldErrors(parsed.error));
      focusFirstError();
      return;
    }
    setClientErrors({});
    props.onSubmit(parsed.data);
  };
  const section = { values, set, errors };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ServerProblem error={props.serverError} fieldErrors={serverErrors} onReload={props.onReload} />
        {Object.keys(clientErrors).length > 0 ? (
          <Alert color="red" variant="light" role="alert">
            {t('form.checkFields')}
          </Alert>
        ) : null}
        <FormSection title={t('form.sections.identity')}>
          <IdentityFields {...section} />
        </FormSection>
        <FormSection title={t('form.sections.partners')}>
          <PartnerPicker value={values.partners} onChange={(partners) => set('partners', partners)} errors={errors} />
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
        </FormSection>
        <FormSection title={t('form.sections.publication')}>
          <Switch label={t('fields.isDraft')} description={t('form.draftHint')} checked={values.isDraft} onChange={(event) => set('isDraft', event.currentTarget.checked)} />
          <Switch label={t('fields.isPublic')} description={t('form.publicHint')} checked={values.isPublic} onChange={(event) => set('isPublic', event.currentTarget.checked)} />
        </FormSection>
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
