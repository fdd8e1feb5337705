import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EVALUATION_BANDS, type EvaluationBand } from '../../../../shared/evaluation';
import type { ImpactStudyView } from '../../../../shared/impact-study';
import { BENEFICIARY_GROUPS, FUND_SOURCES, type BeneficiaryGroup } from '../../../../shared/realisation';
import { formatNumber, formatRupiah } from '../../../lib/format';
import { yearRows } from '../lib/impact-view';
import { ItemBars, YearBars } from './impact-charts';
import { YearTable } from './year-table';

type FundSource = (typeof FUND_SOURCES)[number];

// The survey's tables: per year, by partner group, by partner category, by sector.
export function SurveySections({ study }: { study: ImpactStudyView }) {
  const { t, i18n } = useTranslation('impact-study');
  const number = (value: number) => formatNumber(value, i18n.language);
  const years = study.years.map((year) => year.year);
  const totals = yearRows(study.years, [{ code: 'total', name: t('tables.agreements') }], (year) => year.total);
  const groups = yearRows(study.years, study.labels.groups, (year, code) => year.byPartnerGroup[code] ?? 0);
  const categories = yearRows(study.years, study.labels.categories, (year, code) => year.byPartnerCategory[code] ?? 0);
  const sectors = yearRows(study.years, study.labels.sectors, (year, code) => year.bySector[code] ?? 0);
  return (
    <Stack gap="lg">
      <Title order={2} fz="h3">
        {t('sections.survey')}
      </Title>
      <YearTable id="impact-totals" title={t('tables.totals')} labelHeader={t('tables.item')} years={years} rows={totals} format={number} chart={<YearBars label={t('charts.totals')} years={years} rows={totals} />} />
      <YearTable id="impact-groups" title={t('tables.byGroup')} labelHeader={t('tables.group')} years={years} rows={groups} format={number} chart={<YearBars label={t('charts.byGroup')} years={years} rows={groups} />} />
      <YearTable id="impact-categories" title={t('tables.byCategory')} labelHeader={t('tables.category')} years={years} rows={categories} format={number} />
      <YearTable
        id="impact-sectors"
        title={t('tables.bySector', { count: study.labels.sectors.length })}
        labelHeader={t('tables.sector')}
        years={years}
        rows={sectors}
        format={number}
        chart={<ItemBars label={t('charts.bySector')} years={years} rows={sectors} />}
      />
    </Stack>
  );
}

// What the survey could not see: implementation, beneficiaries, funds, evaluations, dormancy.
export function BeyondSections({ study }: { study: ImpactStudyView }) {
  const { t, i18n } = useTranslation('impact-study');
  const number = (value: number) => formatNumber(value, i18n.language);
  const years = study.years.map((year) => year.year);
  const implementation = yearRows(
    study.years,
    [
      { code: 'inForce', name: t('implementation.inForce') },
      { code: 'planned', name: t('implementation.planned') },
      { code: 'implemented', name: t('implementation.implemented') },
    ],
    (year, code) => (code === 'inForce' ? year.inForce : code === 'planned' ? year.planned : year.implemented),
  );
  const dormancy = yearRows(
    study.years,
    [
      { code: 'inForceOnDay', name: t('implementation.inForceOnDay') },
      { code: 'dormant', name: t('implementation.dormant') },
    ],
    (year, code) => (code === 'dormant' ? (year.dormant ?? 0) : (year.inForceOnDay ?? 0)),
  );
  const beneficiaries = yearRows(study.years, BENEFICIARY_GROUPS.map((code) => ({ code, name: t(`beneficiaries.${code}`) })), (year, code) => year.beneficiaries[code as BeneficiaryGroup]);
  const funds = yearRows(study.years, FUND_SOURCES.map((code) => ({ code, name: t(`funds.${code}`) })), (year, code) => Number(year.funds[code as FundSource]));
  const bands = yearRows(study.years, EVALUATION_BANDS.map((code) => ({ code, name: t(`bands.${code}`) })), (year, code) => year.bands[code as EvaluationBand]);
  return (
    <Stack gap="lg">
      <Title order={2} fz="h3">
        {t('sections.beyond')}
      </Title>
      <YearTable id="impact-implementation" title={t('tables.implementation')} labelHeader={t('tables.item')} years={years} rows={implementation} format={number} chart={<YearBars label={t('charts.implementation')} years={years} rows={implementation} />} note={t('implementation.note')} />
      <YearTable id="impact-dormancy" title={t('tables.dormancy')} labelHeader={t('tables.item')} years={years} rows={dormancy} format={number} withTotal={false} note={t('implementation.dormantNote')} />
      <YearTable id="impact-beneficiaries" title={t('tables.beneficiaries')} labelHeader={t('tables.beneficiaryGroup')} years={years} rows={beneficiaries} format={number} />
      <YearTable id="impact-funds" title={t('tables.funds')} labelHeader={t('tables.fundSource')} years={years} rows={funds} format={(value) => formatRupiah(String(value))} />
      <YearTable id="impact-bands" title={t('tables.bands')} labelHeader={t('tables.band')} years={years} rows={bands} format={number} chart={<YearBars label={t('charts.bands')} years={years} rows={bands} />} />
    </Stack>
  );
}
