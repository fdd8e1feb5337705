import { useSearchParams } from 'react-router';
import { DashboardQuerySchema } from '../../../../shared/leadership';
import type { PeriodChoice } from '../api/leadership-api';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function readDate(value: string | null): string | undefined {
  return value && ISO_DATE.test(value) ? value : undefined;
}

// The period lives in the address, so a view can be shared as a link; without it the server picks
// the year to date.
export function usePeriodParams() {
  const [params, setParams] = useSearchParams();
  const period: PeriodChoice = { from: readDate(params.get('from')), to: readDate(params.get('to')) };
  const isValid = DashboardQuerySchema.safeParse(period).success;
  const setPeriod = (next: { from: string; to: string }) => setParams({ from: next.from, to: next.to }, { replace: true });
  return { period, isValid, setPeriod };
}

// "?from=…&to=…" for links that keep the period (empty when the server's default is shown).
export function periodQuery(period: PeriodChoice): string {
  const params = new URLSearchParams();
  if (period.from) params.set('from', period.from);
  if (period.to) params.set('to', period.to);
  const text = params.toString();
  return text ? `?${text}` : '';
}
