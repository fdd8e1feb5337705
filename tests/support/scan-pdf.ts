import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';

// Scan-like PDFs made by the tests themselves: each page's text drawn onto an A4 raster at 200 dpi,
// slightly turned, with specks of noise, saved as JPEG and wrapped as an image-only PDF (no text
// layer) — what a division's scanner makes of a signed agreement.

const FONT_FILE = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';
const FONT = 'Jalin Scan Serif';
let isFontRegistered = false;

export type ScanOptions = { rotationDegrees?: number; noise?: number; seed?: number; dpi?: number };

// A small deterministic generator, so that a failing scan can be made again exactly.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

function wrap(context: { measureText: (text: string) => { width: number } }, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && context.measureText(candidate).width > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

function renderPage(text: string, options: Required<ScanOptions>, random: () => number): Buffer {
  if (!isFontRegistered) {
    GlobalFonts.registerFromPath(FONT_FILE, FONT);
    isFontRegistered = true;
  }
  const width = Math.round((210 / 25.4) * options.dpi);
  const height = Math.round((297 / 25.4) * options.dpi);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.translate(width / 2, height / 2);
  context.rotate((options.rotationDegrees * Math.PI) / 180);
  context.translate(-width / 2, -height / 2);
  const size = Math.round(options.dpi * 0.16);
  context.font = `${String(size)}px "${FONT}"`;
  context.fillStyle = '#111';
  const margin = Math.round(options.dpi * 0.9);
  wrap(context, text, width - 2 * margin).forEach((line, index) => {
    context.fillText(line, margin, margin + (index + 1) * size * 1.5);
  });
  context.setTransform(1, 0, 0, 1, 0, 0);
  const specks = Math.round(width * height * options.noise);
  for (let index = 0; index < specks; index += 1) {
    context.fillStyle = random() < 0.5 ? '#000' : '#fff';
    context.fillRect(Math.floor(random() * width), Math.floor(random() * height), 2, 2);
  }
  return canvas.toBuffer('image/jpeg', 75);
}

export async function renderScanPdf(pages: string[], options: ScanOptions = {}): Promise<Buffer> {
  const settings: Required<ScanOptions> = { rotationDegrees: 1, noise: 0.0005, seed: 1, dpi: 200, ...options };
  const random = seededRandom(settings.seed);
  const pdf = await PDFDocument.create();
  for (const text of pages) {
    const image = await pdf.embedJpg(renderPage(text, settings, random));
    const page = pdf.addPage([595.28, 841.89]);
    page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return Buffer.from(await pdf.save());
}
