import { CATALOG_PATH, DISTRIBUTION_FORMATS } from '../open-data-catalog';
import type { DatasetSpec } from '../open-data-datasets';

function ColumnTable({ spec }: { spec: DatasetSpec }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={`Kolom data ${spec.title}`}>
      <table className="columns">
        <thead>
          <tr>
            <th scope="col">Kolom</th>
            <th scope="col">Keterangan</th>
          </tr>
        </thead>
        <tbody>
          {spec.columns.map((column) => (
            <tr key={column.name}>
              <th scope="row">
                <code>{column.name}</code>
              </th>
              <td>{column.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Dataset({ spec }: { spec: DatasetSpec }) {
  return (
    <section id={spec.slug} aria-labelledby={`judul-${spec.slug}`}>
      <h2 id={`judul-${spec.slug}`}>{spec.title}</h2>
      <p>{spec.description}</p>
      <div className="actions">
        {DISTRIBUTION_FORMATS.map((item, index) => (
          <a
            key={item.extension}
            className={index === 0 ? 'button' : 'button secondary'}
            href={`/data/${spec.slug}.${item.extension}`}
            aria-label={`Unduh ${item.format}: ${spec.title}`}
            download
          >
            Unduh {item.format}
          </a>
        ))}
      </div>
      <ColumnTable spec={spec} />
    </section>
  );
}

export function DataPage({ datasets }: { datasets: readonly DatasetSpec[] }) {
  return (
    <div className="wrap">
      <h1>Data terbuka kerja sama</h1>
      <p className="lead">
        Data kerja sama daerah Kota Ternate, bebas diunduh dan dipakai ulang (lisensi CC BY 4.0). Data diperbarui setiap kali register kerja sama, rencana
        kegiatan, laporan realisasi atau evaluasi berubah dan tidak memuat data pribadi, nilai kerja sama, nomor naskah, maupun dokumen yang tidak
        dipublikasikan.
      </p>
      <ul>
        {datasets.map((spec) => (
          <li key={spec.slug}>
            <a href={`#${spec.slug}`}>{spec.title}</a> — {DISTRIBUTION_FORMATS.map((item) => item.format).join(', ')}
          </li>
        ))}
      </ul>
      <h2>Format</h2>
      <p>
        CSV: UTF-8 dengan BOM, pemisah koma, baris pertama berisi nama kolom. JSON: objek <code>{'{ "diperbarui", "jumlah", "kolom", "data" }'}</code> dengan
        satu objek per baris pada <code>data</code>, nama kolom sama dengan CSV. Tanggal berformat YYYY-MM-DD; kolom kosong bernilai kosong (CSV) atau{' '}
        <code>null</code> (JSON).
      </p>
      {datasets.map((spec) => (
        <Dataset key={spec.slug} spec={spec} />
      ))}
      <h2>Katalog untuk portal Satu Data</h2>
      <p>
        Semua set data di atas beserta metadatanya tercantum dalam katalog <a href={CATALOG_PATH}>{CATALOG_PATH}</a> berformat DCAT-US 1.1 (
        <code>data.json</code>), yang dapat dipanen oleh portal berbasis CKAN seperti portal Satu Data Indonesia.
      </p>
      <h2>Umpan publikasi</h2>
      <p>
        Publikasi baru dapat diikuti melalui umpan Atom <a href="/feed.xml">/feed.xml</a>.
      </p>
    </div>
  );
}
