// The PDF renderer's worker thread: pdfmake lays a whole document out in one synchronous call,
// which for a report of thousands of sections takes seconds. Run here, it never holds up the
// server's requests. Plain JavaScript so that it runs the same from the sources and from the
// build; it receives a finished pdfmake document definition (report-pdf-definition.ts).
import { parentPort, workerData } from 'node:worker_threads';
import pdfmake from 'pdfmake';

// The PDF standard fonts: no font file to ship or read, and every PDF reader has them.
const HELVETICA = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
pdfmake.setFonts({ Helvetica: HELVETICA });
// The definition is ours and names no file or address: nothing is read from the network, and
// from "disk" only the standard fonts, which pdfkit carries inside itself.
const STANDARD_FONTS = new Set(Object.values(HELVETICA));
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));

try {
  const { definition, footerText } = workerData;
  const footer = (current, count) => ({ text: `${footerText} — ${current} / ${count}`, fontSize: 7.5, color: '#868e96', alignment: 'center', margin: [0, 20, 0, 0] });
  const buffer = await pdfmake.createPdf({ ...definition, footer }).getBuffer();
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
  parentPort.postMessage({ ok: true, bytes }, [bytes.buffer]);
} catch (error) {
  parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
