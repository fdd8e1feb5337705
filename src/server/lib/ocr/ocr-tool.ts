import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { childProcessEnv } from '../../env';

// The OCR of scanned PDFs, by OCRmyPDF with Tesseract's Indonesian and English data (Debian:
// ocrmypdf, tesseract-ocr, tesseract-ocr-ind). OCRmyPDF is what document systems use: it keeps each
// page's image, adds an invisible text layer, rotates and deskews, and leaves pages that already
// have text alone (--skip-text), so a mixed PDF gains text only where it had none.
// docs/decisions/0024-ocr-jobs.md says why a tool outside Node and how it is run.

const LANGUAGES = ['ind', 'eng'];
const PAGE_TIMEOUT_SECONDS = 3600;

export type OcrToolStatus = { isAvailable: true; version: string } | { isAvailable: false; missing: string[] };

export type OcrCommands = { ocrmypdf: string; tesseract: string };
export const DEFAULT_OCR_COMMANDS: OcrCommands = { ocrmypdf: 'ocrmypdf', tesseract: 'tesseract' };

type RunResult = { code: number | null; stdout: string; stderr: string };

function run(command: string, args: string[], options: { onStderrLine?: (line: string) => void; signal?: AbortSignal } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    // One thread per Tesseract: jobs already run side by side, and with several OpenMP threads the
    // same page could be read differently from one run to the next.
    const env = childProcessEnv({ OMP_THREAD_LIMIT: '1' });
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], ...(options.signal ? { signal: options.signal } : {}) });
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      // Only the tail is kept for the reason of a failure; a long run logs a line or two a page.
      stderr = (stderr + text).slice(-8000);
      const lines = (partial + text).split(/\r?\n/);
      partial = lines.pop() ?? '';
      for (const line of lines) options.onStderrLine?.(line);
    });
    child.on('error', () => {
      resolve({ code: null, stdout, stderr });
    });
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

// Whether this server can OCR: both programs answer and Tesseract has both languages.
export async function ocrToolStatus(commands: OcrCommands = DEFAULT_OCR_COMMANDS): Promise<OcrToolStatus> {
  const [ocrmypdf, languages] = await Promise.all([run(commands.ocrmypdf, ['--version']), run(commands.tesseract, ['--list-langs'])]);
  const missing: string[] = [];
  if (ocrmypdf.code !== 0) missing.push('ocrmypdf');
  if (languages.code !== 0) missing.push('tesseract-ocr');
  else {
    const listed = new Set(`${languages.stdout}\n${languages.stderr}`.split(/\s+/));
    if (!listed.has('ind')) missing.push('tesseract-ocr-ind');
    if (!listed.has('eng')) missing.push('tesseract-ocr-eng');
  }
  if (missing.length > 0) return { isAvailable: false, missing };
  return { isAvailable: true, version: ocrmypdf.stdout.trim() };
}

// Why an OCR run failed, and whether trying again later can help (OCRmyPDF's exit codes:
// 2 not a readable PDF, 8 encrypted; the others may pass on another try).
export class OcrFailure extends Error {
  constructor(
    message: string,
    readonly isPermanent: boolean,
  ) {
    super(message);
    this.name = 'OcrFailure';
  }
}

function failureOf(result: RunResult): OcrFailure {
  const lastLines = result.stderr.split(/\r?\n/).filter((line) => line.trim() !== '').slice(-3).join(' | ');
  switch (result.code) {
    case 2:
      return new OcrFailure(`Berkas tidak dapat dibaca sebagai PDF / not a readable PDF (${lastLines})`, true);
    case 8:
      return new OcrFailure('PDF terenkripsi / the PDF is encrypted', true);
    case null:
      return new OcrFailure(`OCRmyPDF tidak dapat dijalankan / could not run OCRmyPDF (${lastLines})`, false);
    default:
      return new OcrFailure(`OCRmyPDF gagal (kode ${String(result.code)}) / OCRmyPDF failed (${lastLines})`, false);
  }
}

// OCRmyPDF names the page it works on at the start of its log lines ("    3 page is facing ⇧ …").
export function pageOfLogLine(line: string): number | null {
  const match = /^\s+(\d{1,5})\s/.exec(line);
  return match ? Number(match[1]) : null;
}

export type OcrOptions = {
  commands?: OcrCommands;
  // The page being read, as OCRmyPDF reports it (pages come in order with one job at a time).
  onPage?: (page: number) => void;
  signal?: AbortSignal;
};

// pdf: the searchable copy (the same pages with a text layer); pages: Tesseract's text of each page
// as OCRmyPDF's sidecar gives it, null for a page OCR left alone because it had text already. The
// sidecar keeps the blank lines between paragraphs, which the copy's text layer loses and which
// field extraction reads (a title ends at a blank line).
export type OcrResult = { pdf: Buffer; pages: (string | null)[] };

// A speck read as a full stop or comma between two lower-case words ("Budidaya.rumput") makes one
// token of both for PostgreSQL's parser (it takes it for a host name), so neither word would be
// found. Real text hardly ever has that shape: abbreviations such as a.n. and s.d. have one letter
// a side and stay; an address such as kota.go.id stays findable by its words.
export function tidyOcrText(text: string): string {
  return text.replace(/(?<=\p{Ll}{2})[.,](?=\p{Ll}{2})/gu, ' ');
}

// OCRmyPDF writes the pages' texts separated by form feeds, and a marker for a skipped page.
export function sidecarPages(sidecar: string, pageCount: number): (string | null)[] {
  const parts = sidecar.split('\f');
  if (parts.length === pageCount + 1 && parts.at(-1)?.trim() === '') parts.pop();
  return Array.from({ length: pageCount }, (_, index) => {
    const text = parts[index];
    return text === undefined || /^\s*\[OCR skipped on page/.test(text) ? null : tidyOcrText(text);
  });
}

// Run at a lower priority with one page at a time, so that the server keeps answering meanwhile.
// The input is never changed.
export async function ocrPdf(input: Buffer, options: OcrOptions & { pageCount: number }): Promise<OcrResult> {
  const commands = options.commands ?? DEFAULT_OCR_COMMANDS;
  const dir = await mkdtemp(path.join(tmpdir(), 'jalin-ocr-'));
  try {
    const source = path.join(dir, 'in.pdf');
    const target = path.join(dir, 'out.pdf');
    const sidecar = path.join(dir, 'text.txt');
    await writeFile(source, input);
    const args = ['-n', '10', commands.ocrmypdf, '--language', LANGUAGES.join('+'), '--rotate-pages', '--deskew', '--skip-text'];
    // A plain PDF, not PDF/A: the conversion would rewrite every page through Ghostscript for nothing.
    args.push('--output-type', 'pdf', '--optimize', '0', '--jobs', '1', '--sidecar', sidecar);
    // OCRmyPDF gives up on a page after 180 s by default and still succeeds, leaving that page
    // without text. At a lower priority on a busy server a page can take that long: the whole run
    // has its own time-out instead (ocrRunSignal), and a page given up on fails the run.
    args.push('--tesseract-timeout', String(PAGE_TIMEOUT_SECONDS), source, target);
    let lastPage = 0;
    let hasGivenUpOnPage = false;
    const result = await run('nice', args, {
      ...(options.signal ? { signal: options.signal } : {}),
      onStderrLine: (line) => {
        if (/took too long/i.test(line)) hasGivenUpOnPage = true;
        const page = pageOfLogLine(line);
        if (page !== null && page !== lastPage) {
          lastPage = page;
          options.onPage?.(page);
        }
      },
    });
    if (result.code !== 0) throw failureOf(result);
    if (hasGivenUpOnPage) throw new OcrFailure('Tesseract kehabisan waktu pada sebuah halaman / Tesseract gave up on a page', false);
    return { pdf: await readFile(target), pages: sidecarPages(await readFile(sidecar, 'utf8'), options.pageCount) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
