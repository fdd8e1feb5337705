import { Input, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Extraction, ExtractedParty } from '../../../../shared/intake';
import { FieldEvidence } from './field-evidence';

// The signatories as read. The register keeps partners, not people: a new draft takes its partner
// from the second party (see "Nama mitra" below), so the list itself is not edited here.
export function PartiesList({ parties, reading }: { parties: ExtractedParty[]; reading: Pick<Extraction, 'confidence' | 'evidence'> }) {
  const { t } = useTranslation('intake');
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Input.Label component="p" id={labelId} m={0}>
        {t('fields.parties')}
      </Input.Label>
      {parties.length === 0 ? null : (
        <Stack component="ul" gap={2} m={0} pl="md" aria-labelledby={labelId}>
          {parties.map((party) => (
            <Text component="li" key={`${party.role}-${party.name}`} fz="sm">
              <strong>{party.role}</strong>: {[party.name, party.position, party.organisation].filter(Boolean).join(', ')}
            </Text>
          ))}
        </Stack>
      )}
      <FieldEvidence confidence={reading.confidence.parties} evidence={reading.evidence.parties} />
    </Stack>
  );
}
