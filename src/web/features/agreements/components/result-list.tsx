import { Center, Pagination, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementSearchResult } from '../../../../shared/search';
import { ResultItem } from './result-item';

type Props = { result: AgreementSearchResult; isFetching: boolean; onPage: (page: number) => void };

export function ResultList({ result, isFetching, onPage }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const from = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const to = Math.min(result.total, result.page * result.pageSize);
  const controlLabels: Record<string, string> = { previous: t('pagination.previous'), next: t('pagination.next'), first: t('pagination.first'), last: t('pagination.last') };
  return (
    <Stack gap="md">
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none', opacity: isFetching ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={isFetching}>
        {result.items.map((item) => (
          <li key={item.id}>
            <ResultItem item={item} />
          </li>
        ))}
      </Stack>
      {result.total > 0 ? (
        <Stack gap={6} align="center">
          <Text fz="sm" c="dimmed">
            {t('pagination.summary', { from, to, total: result.totalIsEstimate ? `≈ ${result.total}` : result.total })}
          </Text>
          {pages > 1 ? (
            <Center component="nav" aria-label={t('pagination.label')}>
              <Pagination
                total={pages}
                value={result.page}
                onChange={(page) => {
                  onPage(page);
                  window.scrollTo({ top: 0 });
                }}
                siblings={1}
                boundaries={1}
                getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
                getItemProps={(page) => ({ 'aria-label': t('pagination.page', { page }) })}
              />
            </Center>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
