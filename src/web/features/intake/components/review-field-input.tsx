import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOC_TYPES } from '../../../../shared/agreement-codes';
import type { Extraction } from '../../../../shared/intake';
import { DATE_FIELDS, isUnsure, type ReviewField } from '../lib/review-form';
import { FieldEvidence } from './field-evidence';

type Props = {
  name: ReviewField;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  reading: Pick<Extraction, 'confidence' | 'evidence'>;
};

// An unsure reading gets an orange frame until the person has looked at it.
const UNSURE_INPUT = { borderColor: '#e8590c', borderWidth: 2 };

// One proposed field: editable, with the evidence and confidence of what was read beneath it.
export function ReviewFieldInput({ name, value, onChange, error, reading }: Props) {
  const { t } = useTranslation('intake');
  const confidence = reading.confidence[name];
  const common = {
    label: t(`fields.${name}`),
    description: <FieldEvidence confidence={confidence} evidence={reading.evidence[name]} />,
    inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[],
    error,
    styles: value !== '' && reading.evidence[name] && isUnsure(confidence) ? { input: UNSURE_INPUT } : undefined,
  };
  if (name === 'kind') {
    const data = [{ value: '', label: t('fields.choose') }, ...DOC_TYPES.map((type) => ({ value: type, label: t(`codes.docType.${type}`, { ns: 'common' }) }))];
    return <NativeSelect {...common} data={data} value={value} onChange={(event) => onChange(event.currentTarget.value)} />;
  }
  if (name === 'title' || name === 'scope') {
    return <Textarea {...common} autosize minRows={1} maxRows={6} value={value} onChange={(event) => onChange(event.currentTarget.value)} />;
  }
  return <TextInput {...common} type={DATE_FIELDS.includes(name) ? 'date' : 'text'} value={value} onChange={(event) => onChange(event.currentTarget.value)} />;
}
