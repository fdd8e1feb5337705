import type { PublicAgreement } from '../../../shared/public';
import { angka, type PortalLabels } from '../portal-labels';
import type { PortalFilters } from '../portal-agreements';
import { AgreementCard } from './agreement-card';
import { SectorSelect } from './sector-select';

export type AgreementsData = { filters: PortalFilters; items: PublicAgreement[]; total: number; pageSize: number; years: number[] };

// Filters are a plain GET form, so every result page has its own address and works without script.
export function queryOf(filters: PortalFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.year) params.set('tahun', String(filters.year));
  if (filters.sector) params.set('bidang', filters.sector);
  if (filters.group) params.set('mitra', filters.group);
  if (page > 1) params.set('halaman', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function Pager({ filters, total, pageSize }: { filters: PortalFilters; total: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  return (
    <nav className="pages" aria-label="Halaman hasil">
      {filters.page > 1 ? <a href={`/kerja-sama${queryOf(filters, filters.page - 1)}`} rel="prev">← Sebelumnya</a> : null}
      <span aria-current="page">
        Halaman {filters.page} dari {pages}
      </span>
      {filters.page < pages ? <a href={`/kerja-sama${queryOf(filters, filters.page + 1)}`} rel="next">Berikutnya →</a> : null}
    </nav>
  );
}

export function AgreementsPage({ data, labels }: { data: AgreementsData; labels: PortalLabels }) {
  const { filters } = data;
  return (
    <div className="wrap">
      <h1>Kerja sama yang berlaku</h1>
      <p className="lead">Naskah kerja sama Kota Ternate yang sedang berlaku dan dipublikasikan, terbaru lebih dahulu.</p>
      <form className="filters" method="get" action="/kerja-sama" role="search">
        <div>
          <label htmlFor="q">Kata kunci</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ''} placeholder="mis. beasiswa, bank, air minum" />
        </div>
        <div>
          <label htmlFor="tahun">Tahun</label>
          <select id="tahun" name="tahun" defaultValue={filters.year ? String(filters.year) : ''}>
            <option value="">Semua tahun</option>
            {data.years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <SectorSelect sectors={labels.sectors} selected={filters.sector} />
        <div>
          <label htmlFor="mitra">Kelompok mitra</label>
          <select id="mitra" name="mitra" defaultValue={filters.group ?? ''}>
            <option value="">Semua mitra</option>
            {labels.groups.map((group) => (
              <option key={group.code} value={group.code}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Tampilkan</button>
      </form>
      <p role="status">{angka(data.total)} kerja sama ditemukan.</p>
      {data.items.length > 0 ? (
        <ul className="cards">
          {data.items.map((item) => (
            <AgreementCard key={item.id} item={item} labels={labels} headingLevel={2} />
          ))}
        </ul>
      ) : (
        <p>Tidak ada kerja sama yang cocok. Coba kata kunci lain atau hapus saringan.</p>
      )}
      <Pager filters={filters} total={data.total} pageSize={data.pageSize} />
    </div>
  );
}
