import { PDFDocument, PDFName, PDFString } from 'pdf-lib';

// PDFs that carry active content, written the way real tools write them: the catalog sits in a
// compressed object stream unless asked otherwise.
export async function makeOpenActionScriptPdf(options: { objectStreams?: boolean } = {}): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText('Naskah dengan skrip', { x: 50, y: 800, size: 11 });
  const action = pdf.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of("app.alert('halo')") });
  pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.register(action));
  return Buffer.from(await pdf.save({ useObjectStreams: options.objectStreams ?? true }));
}

export async function makeAttachmentPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText('Naskah dengan lampiran', { x: 50, y: 800, size: 11 });
  await pdf.attach(Buffer.from('echo halo'), 'jalankan.bat', { mimeType: 'text/plain' });
  return Buffer.from(await pdf.save());
}

// A Launch action whose names are hidden behind #xx escapes, in an uncompressed file.
export async function makeEscapedLaunchPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText('Naskah', { x: 50, y: 800, size: 11 });
  const action = pdf.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') });
  pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.register(action));
  const bytes = Buffer.from(await pdf.save({ useObjectStreams: false })).toString('latin1');
  return Buffer.from(bytes.replace('/Launch', '/L#61unch'), 'latin1');
}
