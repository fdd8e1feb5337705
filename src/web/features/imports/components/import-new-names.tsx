import { Alert, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportChoices, ImportNewName } from '../../../../shared/imports';
import { NAME_CHOICE_SIMILARITY } from '../../../../shared/imports';
import { useNumber } from '../../../lib/use-number';

// The OPDs and partners the file would create. A name much like an existing one must be decided
// (use that one, or create it anyway) before the import is confirmed: a typo must not quietly become
// a second OPD. Other new names are created unless the admin says otherwise.

export type NewNameKind = 'units' | 'partners';
// `${kind}:${key}` → the chosen existing id, or NEW.
export type NameDecisions = Record<string, string>;
export const CREATE_NEW = 'new';

const decisionKey = (kind: NewNameKind, key: string) => `${kind}:${key}`;

// A name as alike as two partners the duplicate list offers to merge must be decided; a weaker
// resemblance is shown with "create new" already chosen.
export function initialDecisions(lists: Record<NewNameKind, ImportNewName[]>): NameDecisions {
  const decisions: NameDecisions = {};
  for (const kind of ['units', 'partners'] as const) {
    for (const name of lists[kind]) if ((name.candidates[0]?.similarity ?? 0) < NAME_CHOICE_SIMILARITY) decisions[decisionKey(kind, name.key)] = CREATE_NEW;
  }
  return decisions;
}

export function undecidedCount(lists: Record<NewNameKind, ImportNewName[]>, decisions: NameDecisions): number {
  return (['units', 'partners'] as const).reduce((sum, kind) => sum + lists[kind].filter((name) => decisions[decisionKey(kind, name.key)] === undefined).length, 0);
}

export function choicesOf(lists: Record<NewNameKind, ImportNewName[]>, decisions: NameDecisions): ImportChoices {
  const chosen = (kind: NewNameKind) =>
    lists[kind].flatMap((name) => {
      const id = decisions[decisionKey(kind, name.key)];
      return id && id !== CREATE_NEW ? [{ key: name.key, id }] : [];
    });
  return { units: chosen('units'), partners: chosen('partners') };
}

function NewNameChoice({ kind, name, value, onChange }: { kind: NewNameKind; name: ImportNewName; value: string | undefined; onChange: (value: string) => void }) {
  const { t } = useTranslation('imports');
  const number = useNumber();
  return (
    <Paper withBorder p="sm" radius="md">
      <Radio.Group
        value={value ?? null}
        onChange={onChange}
        label={name.name}
        description={t('newNames.rows', { count: name.rows.length, rows: name.rows.slice(0, 10).join(', ') })}
      >
        <Stack gap={6} mt="xs">
          {name.candidates.map((candidate, index) => (
            <Radio
              key={candidate.id}
              value={candidate.id}
              label={t(index === 0 ? 'newNames.useSuggestion' : 'newNames.useOther', { name: candidate.name, percent: number(Math.round(candidate.similarity * 100)) })}
            />
          ))}
          <Radio value={CREATE_NEW} label={t(kind === 'units' ? 'newNames.createUnit' : 'newNames.createPartner', { name: name.name })} />
        </Stack>
      </Radio.Group>
    </Paper>
  );
}

type Props = {
  lists: Record<NewNameKind, ImportNewName[]>;
  // New names beyond those listed: created, never compared (shared/imports.ts, IMPORT_SUGGESTION_MAX_NAMES).
  others: Record<NewNameKind, number>;
  decisions: NameDecisions;
  onDecide: (decisions: NameDecisions) => void;
};

export function ImportNewNames({ lists, others, decisions, onDecide }: Props) {
  const { t } = useTranslation('imports');
  const units = lists.units.length + others.units;
  const partners = lists.partners.length + others.partners;
  if (units + partners === 0) return null;
  const undecided = undecidedCount(lists, decisions);
  const notCompared = others.units + others.partners;
  return (
    <Stack gap="sm">
      <Title order={3} fz="h4">
        {t('newNames.title')}
      </Title>
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
        {t('newNames.warning', { units, partners })}
        {undecided > 0 ? ` ${t('newNames.undecided', { count: undecided })}` : ''}
      </Alert>
      {notCompared > 0 ? (
        <Text fz="sm" c="dimmed">
          {t('newNames.notCompared', { count: notCompared, listed: lists.units.length + lists.partners.length })}
        </Text>
      ) : null}
      {(['units', 'partners'] as const).map((kind) =>
        lists[kind].length === 0 ? null : (
          <Stack key={kind} gap="xs">
            <Text fw={700}>{t(kind === 'units' ? 'newNames.units' : 'newNames.partners')}</Text>
            {lists[kind].map((name) => (
              <NewNameChoice
                key={name.key}
                kind={kind}
                name={name}
                value={decisions[decisionKey(kind, name.key)]}
                onChange={(value) => onDecide({ ...decisions, [decisionKey(kind, name.key)]: value })}
              />
            ))}
          </Stack>
        ),
      )}
    </Stack>
  );
}
