// The partner's evaluation page. The private token sits in the address's fragment, which browsers
// never send to a server; a small script (evaluation.js) reads it, asks the public evaluation API
// for the questions and sends the answers back.
export function EvaluationPage() {
  return (
    <div className="wrap">
      <h1 id="eval-title">Penilaian kerja sama oleh mitra</h1>
      <noscript>
        <p className="notice error">Halaman ini memerlukan JavaScript untuk membaca tautan penilaian pribadi Anda.</p>
      </noscript>
      <p className="muted" id="eval-private">
        Tautan ini bersifat pribadi. Jangan membagikannya.
      </p>
      <p>
        <button type="button" className="button secondary" id="eval-language" lang="en" hidden>
          English
        </button>
      </p>
      <div id="eval-result" role="status" aria-live="polite">
        <p>Memuat pertanyaan penilaian…</p>
      </div>
      <form id="eval-form" hidden noValidate>
        <div id="eval-questions" />
        <button type="submit" id="eval-submit">
          Kirim penilaian
        </button>
        <div id="eval-sent" role="status" aria-live="polite" />
      </form>
    </div>
  );
}
