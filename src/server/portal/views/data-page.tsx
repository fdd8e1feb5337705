import { OPEN_DATA_COLUMNS } from '../open-data';
import { angka } from '../portal-labels';

export function DataPage({ total }: { total: number }) {
  return (
    <div className="wrap">
      <h1>Data terbuka kerja sama</h1>
      <p className="lead">
        Daftar {angka(total)} kerja sama yang berlaku dan dipublikasikan, bebas diunduh dan dipakai ulang. Data diperbarui setiap kali register kerja sama
        berubah dan tidak memuat data pribadi, nilai kerja sama, nomor naskah, maupun dokumen yang tidak dipublikasikan.
      </p>
      <div className="actions">
        <a className="button" href="/data/kerja-sama.csv" download>
          Unduh CSV
        </a>
        <a className="button secondary" href="/data/kerja-sama.json" download>
          Unduh JSON
        </a>
      </div>
      <h2>Skema</h2>
      <p>
        CSV: UTF-8 dengan BOM, pemisah koma, baris pertama berisi nama kolom. JSON: objek <code>{'{ "diperbarui", "jumlah", "kolom", "data" }'}</code> dengan
        satu objek per kerja sama pada <code>data</code>, nama kolom sama dengan CSV. Tanggal berformat YYYY-MM-DD; kolom kosong bernilai kosong (CSV) atau{' '}
        <code>null</code> (JSON).
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel kolom data terbuka">
        <table>
          <thead>
            <tr>
              <th scope="col">Kolom</th>
              <th scope="col">Keterangan</th>
            </tr>
          </thead>
          <tbody>
            {OPEN_DATA_COLUMNS.map((column) => (
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
      <h2>Umpan publikasi</h2>
      <p>
        Publikasi baru dapat diikuti melalui umpan Atom <a href="/feed.xml">/feed.xml</a>.
      </p>
    </div>
  );
}
