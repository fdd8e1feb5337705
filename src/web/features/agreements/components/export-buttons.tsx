import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../lib/api';
import { notifyError } from '../../../lib/notify';
import { exportPath, type RegistryFilters } from '../lib/search-params';

type Format = 'xlsx' | 'csv';

// Downloads exactly the rows the current filters select, in the import's column layout.
export function ExportButtons({ filters, disabled }: { filters: RegistryFilters; disabled: boolean }) {
  const { t } = useTranslation('agreements');
  const [busy, setBusy] = useState<Format | null>(null);
  const run = async (format: Format) => {
    setBusy(format);
    try {
      await downloadFile(exportPath(filters, format), `kerja-sama.${format}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="xs">
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={busy === format}
          disabled={disabled || (busy !== null && busy !== format)}
          onClick={() => void run(format)}
          aria-label={t('list.exportAria', { format: format.toUpperCase() })}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
