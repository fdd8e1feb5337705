import type { PublicAgreement } from '../../../shared/public';
import { agreementSlug } from '../../../shared/slug';
import { DOC_TYPE_NAMES, tanggal, type PortalLabels } from '../portal-labels';

export function agreementPath(item: Pick<PublicAgreement, 'id' | 'title'>): string {
  return `/kerja-sama/${agreementSlug(item.id, item.title)}`;
}

export function AgreementCard({ item, labels, headingLevel = 3 }: { item: PublicAgreement; labels: PortalLabels; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card">
      <Heading>
        <a href={agreementPath(item)}>{item.title}</a>
      </Heading>
      <p className="muted">
        {DOC_TYPE_NAMES[item.docType] ?? item.docType} · ditandatangani {tanggal(item.signedOn)} · berlaku sampai {tanggal(item.endsOn)}
      </p>
      {item.partnerNames.length > 0 ? <p>Mitra: {item.partnerNames.join(', ')}</p> : null}
      <ul className="tags" aria-label="Bidang">
        {item.sectorCodes.map((code) => (
          <li key={code} className="tag">
            {labels.sectorName(code)}
          </li>
        ))}
      </ul>
    </li>
  );
}
