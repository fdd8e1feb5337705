import type { AgreementView } from '../../../../shared/agreements';
import type { SavePackageInput } from '../../../../shared/dissemination';
import { formatDate } from '../../../lib/format';

// What the register already knows starts the summary: with whom (the partners, primary first) and
// until when (the end date). The division rewords it; a field already written is kept.
export function prefillSummary(value: SavePackageInput, agreement: Pick<AgreementView, 'partners' | 'endsOn'> | undefined, { language, untilWord }: { language: string; untilWord: string }): SavePackageInput {
  if (!agreement) return value;
  const withWhom = agreement.partners.map((partner) => partner.name).join('; ');
  const until = agreement.endsOn ? `${untilWord} ${formatDate(agreement.endsOn, language)}` : '';
  return {
    ...value,
    summaryWithWhom: value.summaryWithWhom?.trim() ? value.summaryWithWhom : withWhom,
    summaryUntil: value.summaryUntil?.trim() ? value.summaryUntil : until,
  };
}
