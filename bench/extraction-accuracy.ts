// Field extraction accuracy on generated scans (issue 13: "extraction field accuracy on the
// generated set written down per field"). The OCR is passed in, so the benchmark measures whichever
// tool the server uses (src/server/lib/ocr/ocr-tool.ts once it exists).
import { extractAgreementFields } from '../src/server/modules/intake/extraction/agreement-fields.rules';
import { accuracyPerField, type CheckedField, fieldResults } from '../tests/support/scan-accuracy';
import { generateAgreementTexts, renderScanPdf } from '../tests/support/scan-fixtures';

export type OcrPages = (pdf: Buffer) => Promise<string[]>;

export type ExtractionAccuracy = { documents: number; pages: number; ocrPagesPerMinute: number; accuracy: Record<CheckedField, number> };

export async function measureExtractionAccuracy(input: { count: number; seed?: number; ocr: OcrPages; concurrency?: number }): Promise<ExtractionAccuracy> {
  const fixtures = generateAgreementTexts({ count: input.count, seed: input.seed ?? 11 });
  const results: ReturnType<typeof fieldResults>[] = new Array<ReturnType<typeof fieldResults>>(fixtures.length);
  let next = 0;
  let ocrMs = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      const fixture = fixtures[index];
      if (!fixture) return;
      const pdf = await renderScanPdf(fixture.pages, { seed: index + 1 });
      const started = performance.now();
      const pages = await input.ocr(pdf);
      ocrMs += performance.now() - started;
      results[index] = fieldResults(fixture.truth, extractAgreementFields(pages));
    }
  };
  const concurrency = input.concurrency ?? 2;
  await Promise.all(Array.from({ length: concurrency }, worker));
  const pages = fixtures.reduce((sum, fixture) => sum + fixture.pages.length, 0);
  // OCR time is summed over the workers: divide by their number for the wall-clock rate.
  const ocrPagesPerMinute = ocrMs > 0 ? Math.round((pages / (ocrMs / concurrency / 60_000)) * 10) / 10 : 0;
  return { documents: fixtures.length, pages, ocrPagesPerMinute, accuracy: accuracyPerField(results) };
}
