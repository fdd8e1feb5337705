import { Alert, Paper, Tabs } from '@mantine/core';
import { IconBuilding, IconCategory, IconChartPie, IconUsersGroup, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { useMasterData } from '../../../lib/master-data';
import { errorMessage } from '../../../lib/notify';
import { MASTER_ENTITY_IDS, masterEntity, type MasterEntityId } from './master-entities';
import { MasterTab } from './master-tab';

const ICONS: Record<MasterEntityId, Icon> = { units: IconBuilding, sectors: IconChartPie, groups: IconUsersGroup, categories: IconCategory };

function isEntityId(value: string | null): value is MasterEntityId {
  return value !== null && (MASTER_ENTITY_IDS as readonly string[]).includes(value);
}

export function MasterPage() {
  const { t } = useTranslation('admin');
  const master = useMasterData();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: MasterEntityId = isEntityId(requested) ? requested : 'units';
  return (
    <>
      <PageHeader title={t('master.title')} description={t('master.description')} />
      {master.isError ? (
        <Alert color="red" variant="light" role="alert" mb="md">
          {errorMessage(master.error)}
        </Alert>
      ) : null}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Tabs value={tab} onChange={(value) => isEntityId(value) && setParams({ tab: value }, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md">
            {MASTER_ENTITY_IDS.map((id) => {
              const TabIcon = ICONS[id];
              return (
                <Tabs.Tab key={id} value={id} leftSection={<TabIcon size={16} aria-hidden />}>
                  {t(`master.${id}.title`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          {MASTER_ENTITY_IDS.map((id) => (
            <Tabs.Panel key={id} value={id}>
              {master.data ? <MasterTab entity={masterEntity(id, master.data)} /> : <PageLoader />}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Paper>
    </>
  );
}
