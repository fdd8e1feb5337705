import { createHash } from 'node:crypto';
import { AppError, invalid } from './errors';
import { photoOrPdfTypeOf, type FileContentType } from './file-content';
import { tooLarge, type ReceivedUpload, type UploadLimit } from './multipart';

// Evidence (of a realisation report, of an obligation met) is a PDF, JPEG or PNG, judged by its
// content and size; its SHA-256 lets anyone check later that the stored file is the one shown.

export type CheckedEvidenceFile = { bytes: Buffer; type: FileContentType; fileName: string; sha256: string };

// A name that ends in an extension must name the content it holds.
function nameFits(fileName: string | undefined, extension: FileContentType['extension']): boolean {
  const named = /\.([a-z0-9]{1,5})$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (named === undefined) return true;
  return named === extension || (extension === 'jpg' && named === 'jpeg');
}

export function checkEvidenceFile(file: ReceivedUpload['file'], limit: UploadLimit): CheckedEvidenceFile {
  if (!file || file.bytes.length === 0) throw invalid('file', { message: 'Pilih berkas PDF, JPEG atau PNG untuk diunggah.', messageEn: 'Choose a PDF, JPEG or PNG file to upload.' });
  if (file.bytes.length > limit.limitBytes) throw tooLarge(limit.limitMb);
  const type = photoOrPdfTypeOf(file.bytes);
  if (!type) {
    throw new AppError({ code: 'UNSUPPORTED_MEDIA', message: 'Bukti harus berupa berkas PDF, JPEG atau PNG.', messageEn: 'Evidence must be a PDF, JPEG or PNG file.', field: 'file' });
  }
  if (!nameFits(file.fileName, type.extension)) {
    throw new AppError({
      code: 'UNSUPPORTED_MEDIA',
      message: `Isi berkas adalah ${type.extension.toUpperCase()}, tidak sesuai dengan nama berkasnya.`,
      messageEn: `The file's content is ${type.extension.toUpperCase()}, which its name does not say.`,
      field: 'file',
    });
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return { bytes: file.bytes, type, fileName: (file.fileName ?? `bukti.${type.extension}`).slice(0, 200), sha256 };
}
