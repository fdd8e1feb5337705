import { AppError } from './errors';
import { looksLikePdf, photoTypeOf } from './file-content';
import { checkPdf, imageToPdf } from './intake-scan-pdf';
import { type IntakeProblem, looksLikeZip, readZipEntries, type ZipLimits } from './intake-zip';

// Bulk intake (issue 13, part 4): the files a division uploads at once — PDFs, photographed pages,
// ZIPs of either — flattened to one list of PDFs for OCR and field extraction. A file that cannot be
// used becomes an error entry naming it, so the rest go on; an archive that attacks the server
// (paths outside itself, a bomb) fails the whole upload and nothing is returned.

export type IntakeUpload = { name: string; bytes: Buffer };

// Where a candidate came from: 'upload' for a file uploaded as itself, else the ZIP's name.
export type IntakeCandidate =
  | { name: string; source: string; kind: 'pdf' | 'image'; mimeType: 'application/pdf'; bytes: Buffer }
  | { name: string; source: string; error: IntakeProblem };

export const UPLOAD_SOURCE = 'upload';

function problem(code: IntakeProblem['code'], name: string, text: { id: string; en: string }): IntakeProblem {
  const shown = JSON.stringify(name);
  return { code, message: `${shown} ${text.id}`, messageEn: `${shown} ${text.en}` };
}

// One file judged by its content, never its name: a PDF passes a light check, a JPEG/PNG is wrapped
// as a one-page PDF, anything else is an error entry.
async function candidateOf(file: IntakeUpload, source: string): Promise<IntakeCandidate> {
  const { name, bytes } = file;
  if (looksLikePdf(bytes)) {
    const check = await checkPdf(bytes);
    if (check === 'encrypted') return { name, source, error: problem('PDF_ENCRYPTED', name, { id: 'adalah PDF terenkripsi (berkata sandi); buka kuncinya lalu unggah lagi.', en: 'is an encrypted (password-protected) PDF; unlock it and upload it again.' }) };
    if (check === 'broken') return { name, source, error: problem('PDF_BROKEN', name, { id: 'adalah PDF yang rusak dan tidak dapat dibaca.', en: 'is a damaged PDF and cannot be read.' }) };
    return { name, source, kind: 'pdf', mimeType: 'application/pdf', bytes };
  }
  const photoType = photoTypeOf(bytes);
  if (photoType) {
    const pdf = await imageToPdf(bytes, photoType);
    if (!pdf) return { name, source, error: problem('IMAGE_BROKEN', name, { id: 'adalah gambar yang rusak dan tidak dapat dibaca.', en: 'is a damaged image and cannot be read.' }) };
    return { name, source, kind: 'image', mimeType: 'application/pdf', bytes: pdf };
  }
  return { name, source, error: problem('NOT_PDF_OR_IMAGE', name, { id: 'bukan PDF atau gambar (JPEG/PNG).', en: 'is not a PDF or an image (JPEG/PNG).' }) };
}

// The archive's name joins the message, so the person knows which of the uploaded ZIPs was refused.
function naming(error: unknown, zipName: string): unknown {
  if (!(error instanceof AppError)) return error;
  const shown = JSON.stringify(zipName);
  return new AppError({
    code: error.code,
    field: error.field,
    message: `${shown}: ${error.message}`,
    messageEn: `${shown}: ${error.messageEn}`,
    details: { archive: zipName, ...(error.details as object | undefined) },
  });
}

async function candidatesOfZip(zip: IntakeUpload, limits: ZipLimits): Promise<{ candidates: IntakeCandidate[]; inflatedBytes: number }> {
  let entries;
  try {
    entries = await readZipEntries(zip.bytes, limits);
  } catch (error) {
    throw naming(error, zip.name);
  }
  const candidates: IntakeCandidate[] = [];
  let inflatedBytes = 0;
  for (const entry of entries) {
    if ('bytes' in entry) inflatedBytes += entry.bytes.length;
    candidates.push('skipped' in entry ? { name: entry.name, source: zip.name, error: entry.skipped } : await candidateOf(entry, zip.name));
  }
  return { candidates, inflatedBytes };
}

// Every upload in order, each ZIP replaced by its entries. All-or-nothing: an AppError from any ZIP
// is thrown before anything is returned. The total limit counts what all the ZIPs inflate to.
export async function intakeCandidates(files: IntakeUpload[], limits: ZipLimits): Promise<IntakeCandidate[]> {
  const candidates: IntakeCandidate[] = [];
  let totalLeft = limits.maxTotalBytes;
  for (const file of files) {
    if (!looksLikeZip(file.bytes)) {
      candidates.push(await candidateOf(file, UPLOAD_SOURCE));
      continue;
    }
    const fromZip = await candidatesOfZip(file, { ...limits, maxTotalBytes: totalLeft });
    totalLeft -= fromZip.inflatedBytes;
    candidates.push(...fromZip.candidates);
  }
  return candidates;
}
