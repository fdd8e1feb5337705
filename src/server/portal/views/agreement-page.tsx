import { Fragment } from 'react';
import type { PublicAgreement } from '../../../shared/public';
import { agreementSlug } from '../../../shared/slug';
import { DOC_TYPE_NAMES, KIND_NAMES, tanggal, type PortalLabels } from '../portal-labels';
import { OpportunityCard, type PortalOpportunity } from './opportunity-card';

export type PortalSummary = { what: string | null; withWhom: string | null; until: string | null; why: string | null; publishedAt: string | null };
export type PortalRelative = { id: string; title: string; docType: string };
export type AgreementData = { item: PublicAgreement; relatives: { parent: PortalRelative | null; children: PortalRelative[] }; summary: PortalSummary | null; opportunities: PortalOpportunity[]; today: string };

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

function RelativeLink({ relative }: { relative: PortalRelative }) {
  return (
    <a href={`/kerja-sama/${agreementSlug(relative.id, relative.title)}`}>
      {DOC_TYPE_NAMES[relative.docType] ?? relative.docType}: {relative.title}
    </a>
  );
}

// An adendum names what it amends, a PKS the KB or NK it carries out; the parent lists both back.
function Relatives({ item, relatives }: Pick<AgreementData, 'item' | 'relatives'>) {
  const { parent, children } = relatives;
  if (!parent && children.length === 0) return null;
  return (
    <section aria-labelledby="naskah-terkait">
      <h2 id="naskah-terkait">Naskah terkait</h2>
      <dl className="facts">
        {parent ? (
          <>
            <dt>{item.docType === 'ADENDUM' ? 'Mengubah' : 'Melaksanakan'}</dt>
            <dd>
              <RelativeLink relative={parent} />
            </dd>
          </>
        ) : null}
        {children.length > 0 ? (
          <>
            <dt>Adendum dan naskah pelaksana</dt>
            <dd>
              <ul>
                {children.map((child) => (
                  <li key={child.id}>
                    <RelativeLink relative={child} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
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
      <Relatives item={item} relatives={data.relatives} />
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
