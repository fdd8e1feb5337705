import { Fragment } from 'react';
import type { PublicAgreement } from '../../../shared/public';
import { DOC_TYPE_NAMES, KIND_NAMES, tanggal, type PortalLabels } from '../portal-labels';
import { OpportunityCard, type PortalOpportunity } from './opportunity-card';

export type PortalSummary = { what: string | null; withWhom: string | null; until: string | null; why: string | null; publishedAt: string | null };
export type AgreementData = { item: PublicAgreement; summary: PortalSummary | null; opportunities: PortalOpportunity[]; today: string };

function Summary({ summary }: { summary: PortalSummary }) {
  const parts = [
    ['Apa', summary.what],
    ['Dengan siapa', summary.withWhom],
    ['Sampai kapan', summary.until],
    ['Mengapa penting', summary.why],
  ] as const;
  return (
    <section aria-labelledby="ringkasan">
      <h2 id="ringkasan">Ringkasan</h2>
      <dl className="facts">
        {parts.filter(([, text]) => text).map(([label, text]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{text}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

export function AgreementPage({ data, labels }: { data: AgreementData; labels: PortalLabels }) {
  const { item } = data;
  return (
    <div className="wrap">
      <p className="muted">
        <a href="/kerja-sama">Kerja sama</a> / {DOC_TYPE_NAMES[item.docType] ?? item.docType}
      </p>
      <h1>{item.title}</h1>
      <dl className="facts">
        <dt>Jenis naskah</dt>
        <dd>{DOC_TYPE_NAMES[item.docType] ?? item.docType}</dd>
        <dt>Bentuk kerja sama</dt>
        <dd>{KIND_NAMES[item.kind] ?? item.kind}</dd>
        <dt>Mitra</dt>
        <dd>{item.partnerNames.length > 0 ? item.partnerNames.join(', ') : '—'}</dd>
        <dt>Bidang</dt>
        <dd>{item.sectorCodes.map(labels.sectorName).join(', ')}</dd>
        <dt>Ditandatangani</dt>
        <dd>{tanggal(item.signedOn)}</dd>
        <dt>Berlaku</dt>
        <dd>
          {tanggal(item.startsOn)} sampai {tanggal(item.endsOn)}
        </dd>
      </dl>
      {item.scope ? (
        <>
          <h2>Ruang lingkup</h2>
          <p>{item.scope}</p>
        </>
      ) : null}
      {data.summary ? <Summary summary={data.summary} /> : null}
      {data.opportunities.length > 0 ? (
        <section aria-labelledby="peluang">
          <h2 id="peluang">Peluang dari kerja sama ini</h2>
          <ul className="cards">
            {data.opportunities.map((opportunity) => (
              <OpportunityCard key={opportunity.id} opportunity={opportunity} labels={labels} today={data.today} />
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Dokumen publik</h2>
      {item.documents.length > 0 ? (
        <ul>
          {item.documents.map((document) => (
            <li key={document.id}>
              <a href={`/api/public/documents/${document.id}/file`}>{document.fileName}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Belum ada dokumen yang dipublikasikan untuk kerja sama ini.</p>
      )}
    </div>
  );
}
