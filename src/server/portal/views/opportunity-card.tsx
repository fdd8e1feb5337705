import { Fragment } from 'react';
import { agreementSlug } from '../../../shared/slug';
import { tanggal, type PortalLabels } from '../portal-labels';

export const OPPORTUNITY_TYPE_NAMES: Record<string, string> = {
  beasiswa: 'Beasiswa',
  pembiayaan: 'Pembiayaan',
  pelatihan: 'Pelatihan',
  layanan: 'Layanan',
  lainnya: 'Lainnya',
};

// Only what a package published for citizens; the contact is the institution's desk, as written.
export type PortalOpportunity = {
  id: string;
  type: string;
  title: string;
  description: string | null;
  sectorCodes: string[];
  deadline: string | null;
  howToApply: string | null;
  hasApplyUrl: boolean;
  quota: number | null;
  eligibility: string | null;
  scheme: string | null;
  whoMayApply: string | null;
  limits: string | null;
  contact: string | null;
  agreement: { id: string; title: string } | null;
};

export function isOpen(opportunity: Pick<PortalOpportunity, 'deadline'>, today: string): boolean {
  return opportunity.deadline === null || opportunity.deadline >= today;
}

export function OpportunityCard({ opportunity, labels, today, showAgreement = false }: { opportunity: PortalOpportunity; labels: PortalLabels; today: string; showAgreement?: boolean }) {
  // On the opportunities page a card sits right under the h1; on an agreement's page, under an h2.
  const Heading = showAgreement ? 'h2' : 'h3';
  const open = isOpen(opportunity, today);
  const facts = [
    ['Kuota', opportunity.quota === null ? null : String(opportunity.quota)],
    ['Syarat', opportunity.eligibility],
    ['Skema', opportunity.scheme],
    ['Yang dapat mengajukan', opportunity.whoMayApply],
    ['Batasan', opportunity.limits],
    ['Kontak', opportunity.contact],
  ].filter((fact): fact is [string, string] => fact[1] !== null && fact[1] !== '');
  return (
    <li className="card" id={`peluang-${opportunity.id}`}>
      <Heading>{opportunity.title}</Heading>
      <ul className="tags">
        <li className="tag">{OPPORTUNITY_TYPE_NAMES[opportunity.type] ?? opportunity.type}</li>
        <li className={`tag ${open ? 'open' : 'closed'}`}>{open ? 'Dibuka' : 'Ditutup'}</li>
        {opportunity.sectorCodes.map((code) => (
          <li key={code} className="tag">
            {labels.sectorName(code)}
          </li>
        ))}
      </ul>
      {opportunity.description ? <p>{opportunity.description}</p> : null}
      <p>Batas waktu: {opportunity.deadline ? tanggal(opportunity.deadline) : 'tidak ditentukan'}</p>
      {facts.length > 0 ? (
        <dl className="facts">
          {facts.map(([label, text]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{text}</dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
      {opportunity.howToApply ? <p>{opportunity.howToApply}</p> : null}
      {open && (opportunity.hasApplyUrl || opportunity.howToApply) ? (
        <p>
          <a className="button" href={`/peluang/${opportunity.id}/daftar`}>
            Cara mendaftar<span className="hp"> untuk {opportunity.title}</span>
          </a>
        </p>
      ) : null}
      {showAgreement && opportunity.agreement ? (
        <p className="muted">
          Dari kerja sama: <a href={`/kerja-sama/${agreementSlug(opportunity.agreement.id, opportunity.agreement.title)}`}>{opportunity.agreement.title}</a>
        </p>
      ) : null}
    </li>
  );
}
