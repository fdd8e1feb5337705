import type { PortalLabels } from '../portal-labels';
import type { OpportunityFilters } from '../portal-opportunities';
import { OPPORTUNITY_TYPE_NAMES, OpportunityCard, type PortalOpportunity } from './opportunity-card';
import { SectorSelect } from './sector-select';

export function OpportunitiesPage({ filters, items, labels, today }: { filters: OpportunityFilters; items: PortalOpportunity[]; labels: PortalLabels; today: string }) {
  return (
    <div className="wrap">
      <h1>Peluang bagi warga</h1>
      <p className="lead">Beasiswa, pembiayaan, pelatihan dan layanan yang dibuka oleh kerja sama Pemerintah Kota Ternate.</p>
      <form className="filters" method="get" action="/peluang">
        <div>
          <label htmlFor="jenis">Jenis</label>
          <select id="jenis" name="jenis" defaultValue={filters.type ?? ''}>
            <option value="">Semua jenis</option>
            {Object.entries(OPPORTUNITY_TYPE_NAMES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <SectorSelect sectors={labels.sectors} selected={filters.sector} />
        <div>
          <label htmlFor="status">Pendaftaran</label>
          <select id="status" name="status" defaultValue={filters.status}>
            <option value="dibuka">Masih dibuka</option>
            <option value="ditutup">Sudah ditutup</option>
            <option value="semua">Semua</option>
          </select>
        </div>
        <button type="submit">Tampilkan</button>
      </form>
      <p role="status">{items.length} peluang ditemukan.</p>
      {items.length > 0 ? (
        <ul className="cards">
          {items.map((opportunity) => (
            <OpportunityCard key={opportunity.id} opportunity={opportunity} labels={labels} today={today} showAgreement />
          ))}
        </ul>
      ) : (
        <p>Belum ada peluang yang cocok. Lihat juga <a href="/kerja-sama">daftar kerja sama</a>.</p>
      )}
    </div>
  );
}
