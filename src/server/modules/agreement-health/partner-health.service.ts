import type { AgreementHealth, HealthStatus } from '../../../shared/agreement-health';
import type { AgreementView } from '../../../shared/agreements';
import type { PartnerHealthAgreement, PartnerHealthView } from '../../../shared/partner-health';
import type { PartnerAgreementView } from '../../../shared/partners';
import { localDate, type ActorCtx } from '../../lib/context';
import { getPartner } from '../agreements/agreement-partners.service';
import { loadAgreementViews } from '../agreements/agreements.service';
import { storedHealthOf } from './agreement-health.service';

// A partner's page: its agreements the reader may see, each with its health (issue 11 item 5).
// getPartner applies the partners' read rule (403), answers 404 for an unknown partner and hides
// the drafts the agreements' policy hides from this reader.
export async function partnerHealthOf(ctx: ActorCtx, input: { partnerId: string }): Promise<PartnerHealthView> {
  const partner = await getPartner(ctx, input.partnerId);
  const ids = partner.agreements.map((agreement) => agreement.id);
  const [views, health] = await Promise.all([loadAgreementViews(ctx, ids), storedHealthOf(ctx, { agreementIds: ids })]);
  const viewsById = new Map(views.map((view) => [view.id, view]));
  const agreements = partner.agreements.flatMap((link) => {
    const view = viewsById.get(link.id);
    return view ? [rowOf(link, view, health.get(link.id) ?? null)] : [];
  });
  return {
    partner: { id: partner.id, name: partner.name, categoryCode: partner.categoryCode, groupCode: partner.groupCode },
    on: localDate(ctx.now),
    counts: countsOf(agreements),
    agreements: byUrgency(agreements),
  };
}

// What needs acting on first: dormant, then needing attention, healthy, and those not in force;
// within each, the register's order (latest signed first). Array.sort is stable.
const URGENCY: Record<HealthStatus | 'none', number> = { dorman: 0, perlu_perhatian: 1, sehat: 2, none: 3 };

function byUrgency(agreements: PartnerHealthAgreement[]): PartnerHealthAgreement[] {
  return [...agreements].sort((a, b) => URGENCY[a.health?.status ?? 'none'] - URGENCY[b.health?.status ?? 'none']);
}

function rowOf(link: PartnerAgreementView, view: AgreementView, health: AgreementHealth | null): PartnerHealthAgreement {
  const lead = view.units.find((unit) => unit.isLead);
  return {
    id: view.id,
    numberOurs: view.numberOurs,
    title: view.title,
    docType: view.docType,
    status: view.status,
    signedOn: view.signedOn,
    endsOn: view.endsOn,
    leadUnit: lead ? { id: lead.id, name: lead.name } : null,
    position: link.position,
    health,
  };
}

function countsOf(agreements: PartnerHealthAgreement[]): PartnerHealthView['counts'] {
  const counts = { sehat: 0, perlu_perhatian: 0, dorman: 0, notInForce: 0 };
  for (const { health } of agreements) counts[health ? health.status : 'notInForce'] += 1;
  return counts;
}
