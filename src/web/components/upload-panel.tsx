import { Alert, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Dropzone, type DropzoneProps, type FileWithPath } from '@mantine/dropzone';
import { IconAlertCircle, IconUpload, IconX, type Icon } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../lib/notify';

// The texts come from the screen's own namespace, so each keeps the words its users know.
type Texts = { title: string; dropLabel: string; drop: string; hint: ReactNode; uploading: string; rejected: string; failed: string };

type Props = {
  texts: Texts;
  icon: Icon;
  // The server decides by content; the browser's list only keeps obvious mistakes out.
  accept: DropzoneProps['accept'];
  multiple: boolean;
  maxSize?: number;
  isUploading: boolean;
  // The share sent, from 0 to 1.
  progress: number;
  error: unknown;
  onDrop: (files: FileWithPath[]) => void;
};

// A large drop area for one upload screen (register import, scan intake), its progress, and why
// a file was refused, in the browser or by the server.
export function UploadPanel({ texts, icon: IdleIcon, accept, multiple, maxSize, isUploading, progress, error, onDrop }: Props) {
  const [isRejected, setRejected] = useState(false);
  const drop = (files: FileWithPath[]) => {
    if (files.length === 0) return;
    setRejected(false);
    onDrop(files);
  };
  const iconProps = { size: 44, stroke: 1.5, style: { flexShrink: 0 }, 'aria-hidden': true } as const;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb="sm">
        {texts.title}
      </Title>
      <Stack gap="sm">
        <Dropzone
          onDrop={drop}
          onReject={() => setRejected(true)}
          accept={accept}
          multiple={multiple}
          {...(maxSize ? { maxSize } : {})}
          loading={isUploading}
          aria-label={texts.dropLabel}
          inputProps={{ 'aria-label': texts.dropLabel }}
        >
          <Group justify="center" gap="md" mih={140} style={{ pointerEvents: 'none' }} wrap="nowrap">
            <Dropzone.Accept>
              <IconUpload {...iconProps} />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconX {...iconProps} />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IdleIcon {...iconProps} />
            </Dropzone.Idle>
            <div>
              <Text fz="lg" fw={600}>
                {texts.drop}
              </Text>
              <Text fz="sm" c="dimmed" mt={4}>
                {texts.hint}
              </Text>
            </div>
          </Group>
        </Dropzone>
        {isUploading ? (
          <Stack gap={4} role="status">
            <Text fz="sm">{texts.uploading}</Text>
            <Progress.Root size="md">
              <Progress.Section value={Math.round(progress * 100)} aria-label={texts.uploading} />
            </Progress.Root>
          </Stack>
        ) : null}
        {isRejected ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {texts.rejected}
          </Alert>
        ) : null}
        {error && !isUploading ? (
          <Alert color="red" variant="light" title={texts.failed} icon={<IconAlertCircle aria-hidden />} role="alert">
            {errorMessage(error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
