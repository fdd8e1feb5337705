import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_HEADINGS, SECTION_KEYS, SECTION_TEXT_MAX, type ReportSection, type SectionKey } from '../../../../shared/annual-report';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useUpdateSection } from '../api/annual-report-api';

type Props = {
  reportId: string;
  version: number;
  section: ReportSection;
  number: number;
  canEdit: boolean;
};

function SectionText({ reportId, version, section, canEdit, sectionKey }: Omit<Props, 'number'> & { sectionKey: SectionKey }) {
  const { t, i18n } = useTranslation('annual-report');
  const update = useUpdateSection(reportId);
  const [draft, setDraft] = useState<string | null>(null);
  const heading = SECTION_HEADINGS[sectionKey][i18n.language === 'en' ? 'en' : 'id'];
  const save = () => {
    if (draft === null) return;
    update.mutate(
      {
        agreementId: section.agreementId,
        key: sectionKey,
        text: draft,
        version,
      },
      {
        onSuccess: () => {
          setDraft(null);
          notifySuccess(t('report.saved'));
        },
        onError: notifyError,
      },
    );
  };
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Title order={4} fz="sm">
          {heading}
        </Title>
        {canEdit && draft === null ? (
          <Button size="compact-xs" variant="subtle" onClick={() => setDraft(section.texts[sectionKey])} aria-label={t('report.editLabel', { heading })}>
            {t('report.edit')}
          </Button>
        ) : null}
      </Group>
      {draft === null ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {section.texts[sectionKey]}
        </Text>
      ) : (
        <>
          <Textarea label={t('report.editLabel', { heading })} autosize minRows={3} maxLength={SECTION_TEXT_MAX} value={draft} onChange={(event) => setDraft(event.currentTarget.value)} />
          <Group gap="xs">
            <Button size="xs" onClick={save} loading={update.isPending}>
              {t('report.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDraft(null)}>
              {t('report.cancel')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

// One agreement's part of the report: the Permendagri 25/2020 Ps 37(1) contents, each editable
// while the report is a draft.
export function SectionCard(props: Props) {
  return (
    <Card withBorder padding="md" data-testid={`section-${props.section.agreementId}`}>
      <Title order={3} fz="h5" mb="sm" style={{ overflowWrap: 'anywhere' }}>
        {props.number}. {props.section.label}
      </Title>
      <Stack gap="sm">
        {SECTION_KEYS.map((key) => (
          <SectionText key={key} sectionKey={key} reportId={props.reportId} version={props.version} section={props.section} canEdit={props.canEdit} />
        ))}
      </Stack>
    </Card>
  );
}
