import { Button, Grid, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/imports';
import { PageHeader } from '../../../components/page-header';
import { useConfirmImport, useImportRun, useUploadImport } from '../api/use-imports';
import { downloadCsv } from '../lib/csv-file';
import { buildTemplateCsv } from '../lib/import-template';
import { ImportDropzone } from './import-dropzone';
import { ImportColumnsHelp, ImportRules } from './import-format-help';
import { ImportHistory } from './import-history';
import { ImportPreviewPanel } from './import-preview-panel';
import { ImportRunPanel } from './import-run-panel';

type Stage = { step: 'upload' } | { step: 'check'; preview: ImportPreview } | { step: 'import'; preview: ImportPreview; runId: string };

const STEP_INDEX: Record<Stage['step'], number> = { upload: 0, check: 1, import: 2 };

function ImportSteps({ stage, isDone }: { stage: Stage; isDone: boolean }) {
  const { t } = useTranslation('imports');
  // Without the hints the three steps stay on one line on a phone.
  const hasHints = useMediaQuery('(min-width: 36em)') ?? true;
  return (
    <nav aria-label={t('steps.label')}>
      <Stepper
        active={isDone ? 3 : STEP_INDEX[stage.step]}
        size={hasHints ? 'sm' : 'xs'}
        allowNextStepsSelect={false}
        mb="lg"
        styles={hasHints ? undefined : { separator: { marginInline: 6, minWidth: 8 }, stepBody: { marginInlineStart: 6 } }}
      >
        <Stepper.Step label={t('steps.upload')} description={hasHints ? t('steps.uploadHint') : undefined} />
        <Stepper.Step label={t('steps.check')} description={hasHints ? t('steps.checkHint') : undefined} />
        <Stepper.Step label={t('steps.import')} description={hasHints ? t('steps.importHint') : undefined} />
      </Stepper>
    </nav>
  );
}

function TemplateCard({ onDownload }: { onDownload: () => void }) {
  const { t } = useTranslation('imports');
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb={4}>
        {t('template.title')}
      </Title>
      <Text fz="sm" mb="sm">
        {t('template.body')}
      </Text>
      <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} onClick={onDownload}>
        {t('template.download')}
      </Button>
    </Paper>
  );
}

function UploadStage({ onPreview, onTemplate }: { onPreview: (preview: ImportPreview) => void; onTemplate: () => void }) {
  const upload = useUploadImport();
  const [progress, setProgress] = useState(0);
  const [fileName, setFileName] = useState<string | null>(null);
  const send = (file: File) => {
    setFileName(file.name);
    setProgress(0);
    upload.mutate({ file, onProgress: setProgress }, { onSuccess: onPreview });
  };
  return (
    <Stack gap="md">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <ImportDropzone onFile={send} isUploading={upload.isPending} progress={progress} fileName={fileName} error={upload.error} />
            <TemplateCard onDownload={onTemplate} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ImportRules />
        </Grid.Col>
      </Grid>
      <ImportColumnsHelp defaultOpen />
      <ImportHistory />
    </Stack>
  );
}

export function ImportPage() {
  const { t } = useTranslation('imports');
  const [stage, setStage] = useState<Stage>({ step: 'upload' });
  const confirm = useConfirmImport();
  // Shares the panel's polling query: the steps show the run as finished when it is.
  const run = useImportRun(stage.step === 'import' ? stage.runId : null);
  const isDone = run.data?.status === 'done';
  const reset = () => {
    confirm.reset();
    setStage({ step: 'upload' });
  };
  const template = () => downloadCsv(t('template.fileName'), buildTemplateCsv());
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button variant="light" leftSection={<IconDownload size={18} aria-hidden />} onClick={template}>
            {t('template.download')}
          </Button>
        }
      />
      <ImportSteps stage={stage} isDone={isDone} />
      {stage.step === 'upload' ? <UploadStage onPreview={(preview) => setStage({ step: 'check', preview })} onTemplate={template} /> : null}
      {stage.step === 'check' ? (
        <ImportPreviewPanel
          preview={stage.preview}
          isConfirming={confirm.isPending}
          confirmError={confirm.error}
          onReset={reset}
          onConfirm={(choices) => confirm.mutate({ id: stage.preview.id, choices }, { onSuccess: ({ id }) => setStage({ step: 'import', preview: stage.preview, runId: id }) })}
        />
      ) : null}
      {stage.step === 'import' ? <ImportRunPanel runId={stage.runId} onReset={reset} /> : null}
    </>
  );
}
