import type { PublicAgreement } from '../../../shared/public';
import type { StatsResponse } from '../../../shared/stats';
import { angka, type PortalLabels } from '../portal-labels';
import { AgreementCard } from './agreement-card';
import { BarChart, type Bar } from './bar-chart';

export type HomeData = {
  stats: StatsResponse;
  groups: { code: string; name: string }[];
  latest: PublicAgreement[];
  publicTotal: number;
  openOpportunities: number | null;
};

function sumOver(stats: StatsResponse, pick: (year: StatsResponse['years'][number]) => Record<string, number>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const year of stats.years) for (const [code, count] of Object.entries(pick(year))) sums.set(code, (sums.get(code) ?? 0) + count);
  return sums;
}

function barsOf(sums: Map<string, number>, nameOf: (code: string) => string): Bar[] {
  return [...sums.entries()].filter(([, value]) => value > 0).sort((a, b) => b[1] - a[1]).map(([code, value]) => ({ label: nameOf(code), value }));
}

export function HomePage({ data, labels }: { data: HomeData; labels: PortalLabels }) {
  const { stats } = data;
  const total = stats.years.reduce((sum, year) => sum + year.total, 0);
  const groupNames = new Map(data.groups.map((group) => [group.code, group.name]));
  const range = `${stats.from}–${stats.to}`;
  return (
    <>
      <section className="hero">
        <div className="wrap">
          <h1>Kerja sama daerah Kota Ternate</h1>
          <p className="lead">
            Apa yang dihasilkan kerja sama Pemerintah Kota Ternate dengan daerah lain, perguruan tinggi, BUMN/BUMD, swasta dan lembaga lain: naskah yang
            ditandatangani, peluang bagi warga, dan cara mengusulkan kerja sama baru.
          </p>
          <ul className="figures">
            <li>
              <strong>{angka(total)}</strong> naskah ditandatangani {range}
            </li>
            <li>
              <strong>{angka(data.publicTotal)}</strong> kerja sama berlaku yang dipublikasikan
            </li>
            {data.openOpportunities !== null ? (
              <li>
                <strong>{angka(data.openOpportunities)}</strong> peluang masih dibuka
              </li>
            ) : null}
          </ul>
          <div className="actions">
            <a className="button" href="/peluang">
              Lihat peluang untuk warga
            </a>
            <a className="button secondary" href="/usulan">
              Usulkan kerja sama
            </a>
          </div>
        </div>
      </section>
      <div className="wrap">
        <h2>Hasil kerja sama {range}</h2>
        <p className="muted">Jumlah Kesepakatan Bersama, Perjanjian Kerja Sama dan Nota Kesepakatan menurut tahun penandatanganan (adendum tidak dihitung).</p>
        <div className="grid three">
          <BarChart id="per-tahun" title="Per tahun" bars={stats.years.map((year) => ({ label: String(year.year), value: year.total }))} />
          <BarChart id="per-bidang" title="Per bidang" bars={barsOf(sumOver(stats, (year) => year.bySector), labels.sectorName)} />
          <BarChart id="per-mitra" title="Per kelompok mitra" bars={barsOf(sumOver(stats, (year) => year.byPartnerGroup), (code) => groupNames.get(code) ?? code)} />
        </div>
        <h2>Kerja sama terbaru</h2>
        {data.latest.length === 0 ? (
          <p>Belum ada kerja sama yang dipublikasikan.</p>
        ) : (
          <ul className="cards">
            {data.latest.map((item) => (
              <AgreementCard key={item.id} item={item} labels={labels} />
            ))}
          </ul>
        )}
        <p>
          <a href="/kerja-sama">Semua kerja sama yang berlaku →</a>
        </p>
      </div>
    </>
  );
}
