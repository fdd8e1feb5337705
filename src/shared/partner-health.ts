import type { AgreementStatus, DocType } from './agreement-codes';
import type { AgreementHealth, HealthStatus } from './agreement-health';

// GET /api/partners/:id/agreements: a partner's page, every agreement it is party to that the
// reader may see, each with its health (issue 11 item 5).

export type PartnerHealthAgreement = {
  id: string;
  numberOurs: string | null;
  title: string;
  docType: DocType;
  status: AgreementStatus;
  signedOn: string | null;
  endsOn: string | null;
  leadUnit: { id: string; name: string } | null;
  // 0 when this partner is the agreement's primary partner.
  position: number;
  // null: not in force (a draft, not yet started, ended), so no health to speak of.
  health: AgreementHealth | null;
};

export type PartnerHealthView = {
  partner: { id: string; name: string; categoryCode: string; groupCode: string };
  // The day the health was derived for (the city's local date).
  on: string;
  // Agreements in force per health state; the rest are counted as notInForce.
  counts: Record<HealthStatus, number> & { notInForce: number };
  // Dormant first, then needing attention, healthy, not in force; latest signed first within each.
  agreements: PartnerHealthAgreement[];
};
