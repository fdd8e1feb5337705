import { angka } from '../portal-labels';

export type Bar = { label: string; value: number };

const WIDTH = 320;
const ROW = 42;

// A horizontal bar chart drawn on the server: the label above each bar, so long sector names fit a
// phone. The same figures follow as a table for screen readers and for copying.
export function BarChart({ id, title, bars, unit = 'naskah' }: { id: string; title: string; bars: Bar[]; unit?: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW + 4;
  return (
    <figure className="chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`}>
        <h3>{title}</h3>
      </figcaption>
      {bars.length === 0 ? (
        <p className="muted">Belum ada data.</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${title}: ${bars.map((bar) => `${bar.label} ${angka(bar.value)}`).join(', ')}`}>
            {bars.map((bar, index) => {
              const y = index * ROW;
              const width = Math.max(2, Math.round((bar.value / max) * (WIDTH - 44)));
              return (
                <g key={bar.label}>
                  <text x="0" y={y + 15}>
                    {bar.label}
                  </text>
                  <rect className="bar" x="0" y={y + 21} width={width} height="14" rx="3" />
                  <text x={width + 6} y={y + 33}>
                    {angka(bar.value)}
                  </text>
                </g>
              );
            })}
          </svg>
          <details>
            <summary>Tampilkan sebagai tabel</summary>
            <div className="table-wrap" tabIndex={0} role="region" aria-label={`Tabel ${title}`}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{title}</th>
                    <th scope="col" className="num">
                      Jumlah {unit}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {bars.map((bar) => (
                    <tr key={bar.label}>
                      <th scope="row">{bar.label}</th>
                      <td className="num">{angka(bar.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
