import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { seededRandom } from '../../bench/generate';

// A page as a scanner delivers it: A4 (at 300 dpi unless told), a little skewed, with salt-and-pepper
// specks, saved as JPEG and wrapped in a PDF with no text layer — what OCR has to read. The sizes
// below are at 300 dpi and scaled to the dpi asked for.
const A4_INCHES = [210 / 25.4, 297 / 25.4] as const;
const MARGIN = 220;
const FONT_SIZE = 36;
const A4_POINTS = [595.28, 841.89] as const;

type Page = { width: number; height: number; margin: number; fontSize: number; lineHeight: number };

function pageAt(dpi: number): Page {
  const scale = dpi / 300;
  const fontSize = Math.round(FONT_SIZE * scale);
  return { width: Math.round(A4_INCHES[0] * dpi), height: Math.round(A4_INCHES[1] * dpi), margin: Math.round(MARGIN * scale), fontSize, lineHeight: Math.round(fontSize * 1.45) };
}
const FONT_FAMILY = 'DejaVu Sans';

let isFontRegistered = false;

function registerFont(): void {
  if (isFontRegistered) return;
  // fonts-dejavu-core: installed on CI and on the development machines.
  GlobalFonts.registerFromPath('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', FONT_FAMILY);
  isFontRegistered = true;
}

// A line wider than the page is broken at spaces (the generated agreements come wrapped already).
function wrapLine(context: SKRSContext2D, line: string, width: number): string[] {
  if (line.includes('\t') || context.measureText(line).width <= width) return [line];
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && context.measureText(candidate).width > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  lines.push(current);
  return lines;
}

function drawLine(context: SKRSContext2D, line: string, input: { y: number; page: Page }): void {
  const { page, y } = input;
  const { margin, width: pageWidth } = page;
  const width = pageWidth - 2 * margin;
  const columns = line.split('\t');
  if (columns.length > 1) {
    columns.forEach((column, index) => context.fillText(column, margin + (index * width) / columns.length, y, width / columns.length - 40));
    return;
  }
  const isHeading = line === line.toUpperCase() && line.length < 70 && /[A-Z]/.test(line);
  const measured = context.measureText(line).width;
  const x = isHeading ? Math.max(margin, (pageWidth - measured) / 2) : margin;
  // maxWidth squeezes a long line rather than letting it run off the page.
  context.fillText(line, x, y, width);
}

function addSpecks(context: SKRSContext2D, input: { random: () => number; noise: number; page: Page }): void {
  const { width: WIDTH, height: HEIGHT } = input.page;
  const image = context.getImageData(0, 0, WIDTH, HEIGHT);
  const count = Math.round(WIDTH * HEIGHT * input.noise);
  for (let index = 0; index < count; index += 1) {
    const pixel = Math.floor(input.random() * WIDTH * HEIGHT) * 4;
    const value = input.random() < 0.5 ? 0 : 255;
    image.data[pixel] = value;
    image.data[pixel + 1] = value;
    image.data[pixel + 2] = value;
  }
  context.putImageData(image, 0, 0);
}

function renderPage(text: string, input: { rotationDegrees: number; noise: number; random: () => number; page: Page }): Buffer {
  const { page } = input;
  const { width: WIDTH, height: HEIGHT } = page;
  const canvas = createCanvas(WIDTH, HEIGHT);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, WIDTH, HEIGHT);
  context.translate(WIDTH / 2, HEIGHT / 2);
  context.rotate((input.rotationDegrees * Math.PI) / 180);
  context.translate(-WIDTH / 2, -HEIGHT / 2);
  context.fillStyle = '#1a1a1a';
  context.font = `${String(page.fontSize)}px "${FONT_FAMILY}"`;
  context.textBaseline = 'top';
  const lines = text.split('\n').flatMap((line) => wrapLine(context, line, WIDTH - 2 * page.margin));
  lines.forEach((line, index) => drawLine(context, line, { y: page.margin + index * page.lineHeight, page }));
  context.setTransform(1, 0, 0, 1, 0, 0);
  addSpecks(context, input);
  return canvas.encodeSync('jpeg', 75);
}

export type ScanOptions = { seed?: number; rotationDegrees?: number; noise?: number; dpi?: number };

// Each page as an image-only PDF page. Without a rotation, each page gets its own seeded skew of
// 0.5–2° either way; `noise` is the share of pixels turned black or white (default 0.05 %: some
// 4,000 specks a page, as a worn scanner glass leaves; 0.2 % turns every other word's edge into a
// stray stop and tests the OCR rather than the extraction).
export async function renderScanPdf(pages: string[], options: ScanOptions = {}): Promise<Buffer> {
  registerFont();
  const random = seededRandom(options.seed ?? 1);
  const page = pageAt(options.dpi ?? 300);
  const pdf = await PDFDocument.create();
  for (const text of pages) {
    const skew = (0.5 + random() * 1.5) * (random() < 0.5 ? -1 : 1);
    const jpeg = renderPage(text, { rotationDegrees: options.rotationDegrees ?? skew, noise: options.noise ?? 0.0005, random, page });
    const image = await pdf.embedJpg(jpeg);
    const pdfPage = pdf.addPage([...A4_POINTS]);
    pdfPage.drawImage(image, { x: 0, y: 0, width: A4_POINTS[0], height: A4_POINTS[1] });
  }
  return Buffer.from(await pdf.save());
}
