import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../lib/notify';
import { useExportAgreements, type ExportFormat } from '../api/search';
import type { RegistryFilters } from '../lib/search-params';

// Downloads exactly the rows the current filters select, in the import's column layout.
export function ExportButtons({ filters, disabled }: { filters: RegistryFilters; disabled: boolean }) {
  const { t } = useTranslation('agreements');
  const exporter = useExportAgreements();
  const busy: ExportFormat | null = exporter.isPending ? exporter.variables.format : null;
  const run = (format: ExportFormat) => exporter.mutate({ filters, format }, { onError: notifyError });
  return (
    <Group gap="xs">
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={busy === format}
          disabled={disabled || (busy !== null && busy !== format)}
          onClick={() => run(format)}
          aria-label={t('list.exportAria', { format: format.toUpperCase() })}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
