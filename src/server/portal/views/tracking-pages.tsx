import { PROCEDURE_DOC_TYPE_LABELS } from '../../../shared/procedures';
import { PUBLIC_MAX_UPLOAD_MB } from '../../../shared/proposals';

// Both pages carry the private token in the address's fragment, which browsers never send to a
// server; a small script reads it and calls the public API.

export function ConfirmPage() {
  return (
    <div className="wrap">
      <h1>Konfirmasi usulan kerja sama</h1>
      <noscript>
        <p className="notice error">Halaman ini memerlukan JavaScript untuk membaca tautan konfirmasi. Aktifkan JavaScript lalu buka kembali tautan dari e-mail Anda.</p>
      </noscript>
      <div id="confirm-result" role="status" aria-live="polite">
        <p>Sedang mengonfirmasi usulan Anda…</p>
      </div>
    </div>
  );
}

export function TrackPage() {
  const labels = Object.fromEntries(Object.entries(PROCEDURE_DOC_TYPE_LABELS).map(([type, label]) => [type, label.id]));
  return (
    <div className="wrap">
      <h1>Lacak usulan kerja sama</h1>
      <noscript>
        <p className="notice error">Halaman ini memerlukan JavaScript untuk membaca tautan pelacakan pribadi Anda.</p>
      </noscript>
      <p className="muted">Tautan ini bersifat pribadi. Jangan membagikannya.</p>
      <div id="track-result" role="status" aria-live="polite">
        <p>Memuat status usulan…</p>
      </div>
      <section id="upload" hidden aria-labelledby="upload-title">
        <h2 id="upload-title">Unggah dokumen</h2>
        <form id="upload-form">
          <div className="field">
            <label htmlFor="docType">Jenis dokumen</label>
            <select id="docType" name="docType" required>
              {Object.entries(labels).map(([type, name]) => (
                <option key={type} value={type}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="file">Berkas PDF</label>
            <p className="hint" id="file-hint">
              Hanya PDF, paling besar {PUBLIC_MAX_UPLOAD_MB} MB.
            </p>
            <input id="file" name="file" type="file" accept="application/pdf,.pdf" required aria-describedby="file-hint" />
          </div>
          <div className="field">
            <label htmlFor="note">Catatan (opsional)</label>
            <textarea id="note" name="note" maxLength={4000} />
          </div>
          <button type="submit">Unggah</button>
          <div id="upload-result" role="status" aria-live="polite" />
        </form>
      </section>
      <section id="resubmit" hidden aria-labelledby="resubmit-title">
        <h2 id="resubmit-title">Kirim ulang usulan</h2>
        <p className="hint" id="resubmit-hint">
          Setelah dokumen yang diminta diunggah, kirim ulang usulan agar Bagian Kerja Sama melanjutkan prosesnya.
        </p>
        <form id="resubmit-form" aria-describedby="resubmit-hint">
          <div className="field">
            <label htmlFor="resubmit-note">Catatan untuk Bagian Kerja Sama (opsional)</label>
            <textarea id="resubmit-note" name="note" maxLength={4000} />
          </div>
          <button type="submit">Kirim ulang usulan</button>
          <div id="resubmit-result" role="status" aria-live="polite" />
        </form>
      </section>
      {/* Data, not code: the CSP's script-src does not apply to a JSON block. */}
      <script type="application/json" id="doc-labels" dangerouslySetInnerHTML={{ __html: JSON.stringify(labels).replace(/</g, '\\u003c') }} />
    </div>
  );
}
