import type { ProcedureGuide } from '../../../shared/procedures';
import { MAX_TEXT_LENGTH } from '../../../shared/limits';
import { angka } from '../portal-labels';

export type ProposalFormData = {
  guides: ProcedureGuide[];
  sectors: { code: string; name: string }[];
  categories: { code: string; name: string }[];
};

function Text({ name, label, hint, required = false, long = true }: { name: string; label: string; hint?: string; required?: boolean; long?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {required ? ' (wajib)' : ''}
      </label>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {long ? (
        <textarea id={name} name={name} required={required} minLength={required ? 10 : undefined} maxLength={MAX_TEXT_LENGTH} aria-describedby={hint ? `${name}-hint` : undefined} />
      ) : (
        <input id={name} name={name} required={required} aria-describedby={hint ? `${name}-hint` : undefined} />
      )}
    </div>
  );
}

function PartnerRow({ index, categories }: { index: number; categories: ProposalFormData['categories'] }) {
  const required = index === 0;
  return (
    <div className="grid two">
      <div className="field">
        <label htmlFor={`partner-${index}-name`}>Nama calon mitra {index + 1}{required ? ' (wajib)' : ''}</label>
        <input id={`partner-${index}-name`} name={`partner-${index}-name`} required={required} minLength={2} />
      </div>
      <div className="field">
        <label htmlFor={`partner-${index}-category`}>Kategori calon mitra {index + 1}</label>
        <select id={`partner-${index}-category`} name={`partner-${index}-category`} required={required} defaultValue="">
          <option value="">Pilih kategori</option>
          {categories.map((category) => (
            <option key={category.code} value={category.code}>
              {category.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

// What the form's submission answered when it came without JavaScript.
export type ProposalResult = { kind: 'ok' | 'error'; lines: string[] };

function ResultNotice({ result }: { result: ProposalResult }) {
  return (
    <div className={`notice ${result.kind}`} role={result.kind === 'error' ? 'alert' : 'status'}>
      {result.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

export function ProposalPage({ data, result }: { data: ProposalFormData; result?: ProposalResult | undefined }) {
  return (
    <div className="wrap">
      <h1>Usulkan kerja sama dengan Pemerintah Kota Ternate</h1>
      {result ? <ResultNotice result={result} /> : null}
      <p className="lead">
        Lembaga, perguruan tinggi, badan usaha atau daerah lain dapat mengusulkan kerja sama tanpa akun. Usulan masuk antrean Bagian Kerja Sama setelah
        alamat e-mail Anda dikonfirmasi; Anda lalu menerima kode dan tautan pribadi untuk mengikuti prosesnya.
      </p>
      <h2>Alur dan tata cara per bentuk kerja sama</h2>
      <ul className="cards">
        {data.guides.map((guide) => (
          <li key={guide.kind} className="card">
            <h3>
              <a href={`/usulan/panduan/${guide.kind}`}>
                {guide.name} ({guide.kind})
              </a>
            </h3>
            <p className="muted">
              {guide.stages.length} tahap · target {angka(guide.totalTargetDays)} hari
            </p>
          </li>
        ))}
      </ul>
      <h2 id="formulir">Formulir usulan</h2>
      {/* Above the form: after a send the answer is the first thing read, not something below the button. */}
      <div id="proposal-result" role="status" aria-live="polite" tabIndex={-1} />
      <form id="proposal-form" method="post" action="/usulan" aria-labelledby="formulir">
        <fieldset>
          <legend>Lembaga pengusul</legend>
          <Text name="institution" label="Nama lembaga" required long={false} />
          <Text name="contactName" label="Nama narahubung" required long={false} />
          <div className="field">
            <label htmlFor="email">E-mail (wajib)</label>
            <p className="hint" id="email-hint">
              Tautan konfirmasi dan tautan pelacakan dikirim ke alamat ini.
            </p>
            <input id="email" name="email" type="email" required autoComplete="email" aria-describedby="email-hint" />
          </div>
          <div className="field">
            <label htmlFor="phone">Telepon</label>
            <input id="phone" name="phone" type="tel" autoComplete="tel" />
          </div>
        </fieldset>
        <fieldset>
          <legend>Kerja sama yang diusulkan</legend>
          <div className="field">
            <label htmlFor="kind">Bentuk kerja sama (wajib)</label>
            <select id="kind" name="kind" required defaultValue="KSDPK">
              {data.guides.map((guide) => (
                <option key={guide.kind} value={guide.kind}>
                  {guide.kind} — {guide.name}
                </option>
              ))}
            </select>
          </div>
          <Text name="title" label="Judul usulan" required long={false} />
          <PartnerRow index={0} categories={data.categories} />
          <PartnerRow index={1} categories={data.categories} />
          <fieldset>
            <legend>Bidang (pilih paling sedikit satu)</legend>
            <div className="grid two">
              {data.sectors.map((sector) => (
                <div key={sector.code} className="check">
                  <input type="checkbox" id={`sector-${sector.code}`} name="sectorCodes" value={sector.code} />
                  <label htmlFor={`sector-${sector.code}`}>{sector.name}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>Persiapan</legend>
          <Text name="latarBelakang" label="Latar belakang" required />
          <Text name="maksudTujuan" label="Maksud dan tujuan" required />
          <Text name="ruangLingkup" label="Ruang lingkup" required />
          <Text name="manfaat" label="Manfaat" required />
          <Text name="lokasi" label="Lokasi" long={false} />
          <Text name="peranParaPihak" label="Peran para pihak" />
          <div className="field">
            <label htmlFor="jangkaWaktuBulan">Jangka waktu (bulan)</label>
            <input id="jangkaWaktuBulan" name="jangkaWaktuBulan" type="number" min={1} max={600} inputMode="numeric" />
          </div>
          <Text name="jangkaWaktuAlasan" label="Alasan jangka waktu" />
          <Text name="dampakSosial" label="Analisis dampak sosial" />
          <Text name="dampakEkonomi" label="Analisis dampak ekonomi" />
          <Text name="dampakLingkungan" label="Analisis dampak lingkungan" />
          <Text name="pembiayaan" label="Pembiayaan" />
          <div className="check field">
            <input type="checkbox" id="burdensPublic" name="burdensPublic" value="1" />
            <label htmlFor="burdensPublic">Kerja sama ini membebani masyarakat atau daerah</label>
          </div>
          <div className="check field">
            <input type="checkbox" id="unbudgetedInApbd" name="unbudgetedInApbd" value="1" />
            <label htmlFor="unbudgetedInApbd">Biayanya belum dianggarkan dalam APBD</label>
          </div>
        </fieldset>
        <div className="hp" aria-hidden="true">
          <label htmlFor="website">Jangan diisi</label>
          <input id="website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <p className="hint">Dokumen pendukung (KAK, surat penawaran, studi kelayakan) diunggah melalui tautan pelacakan setelah usulan dikonfirmasi.</p>
        <button type="submit">Kirim usulan</button>
      </form>
    </div>
  );
}
