import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { seededRandom } from './scan-fixtures';

// A page as a scanner delivers it: A4 at 300 dpi, a little skewed, with salt-and-pepper specks,
// saved as JPEG and wrapped in a PDF with no text layer — what OCR has to read.
const WIDTH = 2480;
const HEIGHT = 3508;
const MARGIN = 220;
const FONT_SIZE = 36;
const LINE_HEIGHT = Math.round(FONT_SIZE * 1.45);
const A4_POINTS = [595.28, 841.89] as const;
const FONT_FAMILY = 'DejaVu Sans';

let isFontRegistered = false;

function registerFont(): void {
  if (isFontRegistered) return;
  // fonts-dejavu-core: installed on CI and on the development machines.
  GlobalFonts.registerFromPath('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', FONT_FAMILY);
  isFontRegistered = true;
}

function drawLine(context: SKRSContext2D, line: string, y: number): void {
  const width = WIDTH - 2 * MARGIN;
  const columns = line.split('\t');
  if (columns.length > 1) {
    columns.forEach((column, index) => context.fillText(column, MARGIN + (index * width) / columns.length, y, width / columns.length - 40));
    return;
  }
  const isHeading = line === line.toUpperCase() && line.length < 70 && /[A-Z]/.test(line);
  const measured = context.measureText(line).width;
  const x = isHeading ? Math.max(MARGIN, (WIDTH - measured) / 2) : MARGIN;
  // maxWidth squeezes a long line rather than letting it run off the page.
  context.fillText(line, x, y, width);
}

function addSpecks(context: SKRSContext2D, input: { random: () => number; noise: number }): void {
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

function renderPage(text: string, input: { rotationDegrees: number; noise: number; random: () => number }): Buffer {
  const canvas = createCanvas(WIDTH, HEIGHT);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, WIDTH, HEIGHT);
  context.translate(WIDTH / 2, HEIGHT / 2);
  context.rotate((input.rotationDegrees * Math.PI) / 180);
  context.translate(-WIDTH / 2, -HEIGHT / 2);
  context.fillStyle = '#1a1a1a';
  context.font = `${FONT_SIZE}px "${FONT_FAMILY}"`;
  context.textBaseline = 'top';
  text.split('\n').forEach((line, index) => drawLine(context, line, MARGIN + index * LINE_HEIGHT));
  context.setTransform(1, 0, 0, 1, 0, 0);
  addSpecks(context, input);
  return canvas.encodeSync('jpeg', 75);
}

export type ScanOptions = { seed: number; rotationDegrees?: number; noise?: number };

// Each page as an image-only PDF page. Without a rotation, each page gets its own seeded skew of
// 0.5–2° either way; `noise` is the share of pixels turned black or white (default 0.05 %: some
// 4,000 specks a page, as a worn scanner glass leaves; 0.2 % turns every other word's edge into a
// stray stop and tests the OCR rather than the extraction).
export async function renderScanPdf(pages: string[], options: ScanOptions): Promise<Buffer> {
  registerFont();
  const random = seededRandom(options.seed);
  const pdf = await PDFDocument.create();
  for (const text of pages) {
    const skew = (0.5 + random() * 1.5) * (random() < 0.5 ? -1 : 1);
    const jpeg = renderPage(text, { rotationDegrees: options.rotationDegrees ?? skew, noise: options.noise ?? 0.0005, random });
    const image = await pdf.embedJpg(jpeg);
    const page = pdf.addPage([...A4_POINTS]);
    page.drawImage(image, { x: 0, y: 0, width: A4_POINTS[0], height: A4_POINTS[1] });
  }
  return Buffer.from(await pdf.save());
}
