import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { IntakeBatchView } from '../../../../shared/intake';
import { PageHeader } from '../../../components/page-header';
import { useRememberBatch } from '../api/use-intake';
import { BatchList } from './batch-list';
import { BatchReview } from './batch-review';
import { ScanDropzone } from './scan-dropzone';

// The address keeps the batch under review (?batch=<id>), so a reload or a shared link reopens it.
export function IntakePage() {
  const { t } = useTranslation('intake');
  const [params, setParams] = useSearchParams();
  const remember = useRememberBatch();
  const batchId = params.get('batch');
  const open = (id: string | null) => setParams(id ? { batch: id } : {});
  const uploaded = (batch: IntakeBatchView) => {
    remember(batch);
    open(batch.id);
  };
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {batchId ? (
        <BatchReview batchId={batchId} onBack={() => open(null)} />
      ) : (
        <Stack gap="md">
          <ScanDropzone onUploaded={uploaded} />
          <BatchList />
        </Stack>
      )}
    </>
  );
}
