import { sql } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extractText } from 'unpdf';
import type { Db } from '../src/server/db/client';
import { BENCH_TOPICS, generateDocumentText, seededRandom } from './generate';

// Texts as Jalin stores them after an upload: made into real several-page PDFs, then read back
// with the same extractor (unpdf) the upload path uses.
export async function pdfDerivedTexts(count = 12): Promise<string[]> {
  const random = seededRandom(7);
  const texts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const source = generateDocumentText(random, BENCH_TOPICS[index % BENCH_TOPICS.length] ?? 'kerja sama');
    for (const pageText of source.split('\n\n')) {
      const page = pdf.addPage([595, 842]);
      const words = pageText.split(' ');
      for (let line = 0; line * 12 < words.length; line += 1) {
        page.drawText(words.slice(line * 12, line * 12 + 12).join(' '), { x: 40, y: 800 - line * 14, size: 10, font });
      }
    }
    const { text } = await extractText(new Uint8Array(await pdf.save()), { mergePages: true });
    texts.push(text);
  }
  return texts;
}

// Attaches `count` documents to the first agreements, each with a PDF-derived text plus words of its own.
export async function insertDocumentTexts(db: Db, count: number, templates: string[]): Promise<void> {
  const batch = 500;
  for (let offset = 0; offset < count; offset += batch) {
    const size = Math.min(batch, count - offset);
    await db.execute(sql`
      INSERT INTO documents (agreement_id, kind, file_name, mime_type, size_bytes, sha256, storage_key, page_count, text_content)
      SELECT a.id, 'naskah_ttd', 'naskah-' || a.rn || '.pdf', 'application/pdf', 250000, md5(a.id::text), 'documents/bench-' || a.id || '.pdf', 3,
             (${sql.param(templates)}::text[])[1 + (a.rn % ${templates.length})] || ' dokumen nomor ' || a.rn || ' wilayah pesisir ' || md5(a.id::text)
      FROM (SELECT id, row_number() OVER (ORDER BY number_ours) AS rn FROM agreements) a
      WHERE a.rn > ${offset} AND a.rn <= ${offset + size}`);
  }
}
