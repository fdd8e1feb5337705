import type { Db } from '../../db/client';
import type { CtxDeps } from '../../lib/context';
import { startHourlyJob } from '../../lib/hourly-job';
import { runMonthlyDigest } from './digest.service';

// Checked every hour: the digest goes out at the first check on or after the digest day, once a
// month (digest_runs says whether it went).
export function startDigestSchedule(deps: CtxDeps & { db: Db }): () => Promise<void> {
  return startHourlyJob({ name: 'digest', run: (ctx) => runMonthlyDigest(ctx) }, deps);
}
