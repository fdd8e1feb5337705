import type { ProcedureGuide } from '../../../shared/procedures';
import { angka } from '../portal-labels';

// "Alur dan tata cara" of one kind, drawn from the procedure rows the workflow enforces (issue 3 §11).
export function GuidePage({ guide, all }: { guide: ProcedureGuide; all: ProcedureGuide[] }) {
  return (
    <div className="wrap">
      <p className="muted">
        <a href="/usulan">Usulkan kerja sama</a> / Panduan
      </p>
      <h1>
        Alur dan tata cara: {guide.name} ({guide.kind})
      </h1>
      {guide.description ? <p className="lead">{guide.description}</p> : null}
      <p>
        Target seluruh tahap: <strong>{angka(guide.totalTargetDays)} hari</strong> (tanpa tahap bersyarat).
      </p>
      <ol className="stages">
        {guide.stages.map((stage) => (
          <li key={stage.code}>
            <h2>{stage.name}</h2>
            <p>
              Target: {angka(stage.targetDays)} hari
              {stage.isDprdApproval ? ' · hanya bila kerja sama membebani masyarakat/daerah atau belum dianggarkan dalam APBD (PP 28/2018 Pasal 6 ayat 2)' : ''}
            </p>
            {stage.description ? <p>{stage.description}</p> : null}
            <p>Dokumen bila diusulkan oleh pihak luar:</p>
            {stage.documents.external.length > 0 ? (
              <ul>
                {stage.documents.external.map((document) => (
                  <li key={document.type}>{document.name}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">Tidak ada dokumen khusus.</p>
            )}
            <p>Dokumen bila diprakarsai perangkat daerah (OPD):</p>
            {stage.documents.opd.length > 0 ? (
              <ul>
                {stage.documents.opd.map((document) => (
                  <li key={document.type}>{document.name}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">Tidak ada dokumen khusus.</p>
            )}
          </li>
        ))}
      </ol>
      <h2>Panduan bentuk kerja sama lain</h2>
      <ul>
        {all.filter((other) => other.kind !== guide.kind).map((other) => (
          <li key={other.kind}>
            <a href={`/usulan/panduan/${other.kind}`}>
              {other.name} ({other.kind})
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
