import { EXPORT_MAX_ROWS, type ExportQuery } from '../../../shared/search';
import type { ActorCtx } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import { registryExportFile, type ExportFile } from './search-export.sheet';
import { canExportRegistry } from './search.policy';
import { countMatches, effectiveSort, exportRows } from './search.repository';
import { planSearch } from './search.service';

function tooMany(total: number, limit: number): AppError {
  const shown = (value: number) => value.toLocaleString('id-ID');
  return new AppError({
    code: 'UNPROCESSABLE',
    message: `Hasil terlalu banyak untuk diekspor (${shown(total)} naskah; batas ${shown(limit)}). Persempit saringan.`,
    messageEn: `Too many results to export (${total} agreements; the limit is ${limit}). Narrow the filters.`,
    details: { total, limit },
  });
}

// Every matching row (no paging), in the registry's order, as XLSX or CSV with Indonesian headers.
export async function exportAgreements(ctx: ActorCtx, input: ExportQuery & { maxRows?: number }): Promise<ExportFile> {
  if (!canExportRegistry(ctx.actor)) throw forbidden();
  const { maxRows = EXPORT_MAX_ROWS, ...query } = input;
  const plan = await planSearch(ctx, query);
  const where = plan.conditions.where();
  const total = await countMatches(ctx.db, where);
  if (total > maxRows) throw tooMany(total, maxRows);
  const rows = await exportRows(ctx.db, { where, sort: effectiveSort(query.sort === 'relevance' ? undefined : query.sort, false), limit: maxRows });
  return registryExportFile(rows, { format: query.format, today: plan.today, warningDays: plan.warningDays, createdAt: ctx.now });
}
