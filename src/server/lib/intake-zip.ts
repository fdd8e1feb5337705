import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from './errors';

// Reads an uploaded ZIP of scans in memory, entry by entry, refusing what could escape the archive
// or exhaust the server. Nothing is ever written to disk, but a path like "../x" or a symlink is
// still refused: such an archive was made to attack an extractor, and whoever handles the files
// later (a download, a command-line intake into a folder) must not meet it.

export type ZipLimits = {
  maxEntries: number;
  maxTotalBytes: number;
  // The per-file upload limit: a scan inside a ZIP may be no larger than one uploaded alone.
  maxEntryBytes: number;
  maxRatio: number;
  // Small entries compress far better than 100:1 innocently (a blank page, a short text).
  ratioFloorBytes: number;
};

const MIB = 1024 * 1024;

// The caller adds maxEntryBytes (the upload limit in the settings).
export const DEFAULT_ZIP_LIMITS = { maxEntries: 500, maxTotalBytes: 2 * 1024 * MIB, maxRatio: 100, ratioFloorBytes: MIB } as const;

export type IntakeProblemCode = 'NOT_PDF_OR_IMAGE' | 'PDF_ENCRYPTED' | 'PDF_BROKEN' | 'IMAGE_BROKEN' | 'NESTED_ZIP' | 'ENTRY_ENCRYPTED' | 'ENTRY_UNSUPPORTED';
export type IntakeProblem = { code: IntakeProblemCode; message: string; messageEn: string };
export type ZipEntryRead = { name: string; bytes: Buffer } | { name: string; skipped: IntakeProblem };

// Local file header, end of central directory (an empty archive), spanned-archive marker.
const ZIP_MAGICS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];

export function looksLikeZip(bytes: Buffer): boolean {
  return ZIP_MAGICS.some((magic) => bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte));
}

// Files the operating system adds to an archive; nobody meant them as scans.
function isJunk(name: string): boolean {
  const parts = name.split('/');
  const base = parts[parts.length - 1] ?? '';
  return parts.includes('__MACOSX') || base === '.DS_Store' || base === 'Thumbs.db' || base === 'desktop.ini' || base.startsWith('._');
}

// Unix mode bits sit in the upper half of the external attributes (APPNOTE 4.4.15, Info-ZIP).
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function isSymlink(entry: Entry): boolean {
  return ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

function refused(options: { code: 'BAD_FILE' | 'PAYLOAD_TOO_LARGE'; entry: string; message: string; messageEn: string }): AppError {
  return new AppError({ code: options.code, field: 'files', message: options.message, messageEn: options.messageEn, details: { entry: options.entry } });
}

// Old Windows tools write "scans\pks.pdf": backslashes are read as folder separators (strictFileNames
// off), then yauzl's own check refuses what leads outside ("..\x" is now "../x", "C:\x" is "C:/x",
// "\\server" is "//server"). Control characters are refused too: no scan's name has one.
function safeNameOf(entry: Entry): string {
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
  const shown = JSON.stringify(name);
  // eslint-disable-next-line no-control-regex
  if (yauzl.validateFileName(name) !== null || /[\u0000-\u001f]/.test(name)) {
    throw refused({
      code: 'BAD_FILE',
      entry: name,
      message: `ZIP ditolak: entri ${shown} menunjuk ke luar arsip (jalur absolut, "..", atau huruf drive).`,
      messageEn: `ZIP refused: entry ${shown} points outside the archive (an absolute path, ".." or a drive letter).`,
    });
  }
  if (isSymlink(entry)) {
    throw refused({
      code: 'BAD_FILE',
      entry: name,
      message: `ZIP ditolak: entri ${shown} adalah tautan simbolik (symlink).`,
      messageEn: `ZIP refused: entry ${shown} is a symbolic link.`,
    });
  }
  return name;
}

function entryProblem(entry: Entry, name: string): IntakeProblem | null {
  const shown = JSON.stringify(name);
  if (entry.isEncrypted()) {
    return { code: 'ENTRY_ENCRYPTED', message: `${shown} dalam ZIP dilindungi kata sandi dan tidak dapat dibaca.`, messageEn: `${shown} in the ZIP is password-protected and cannot be read.` };
  }
  if (!entry.canDecodeFileData()) {
    return { code: 'ENTRY_UNSUPPORTED', message: `${shown} dalam ZIP dimampatkan dengan cara yang tidak didukung.`, messageEn: `${shown} in the ZIP uses an unsupported compression method.` };
  }
  return null;
}

function tooLarge(name: string, why: { id: string; en: string }): AppError {
  const shown = JSON.stringify(name);
  return refused({
    code: 'PAYLOAD_TOO_LARGE',
    entry: name,
    message: `ZIP ditolak: entri ${shown} ${why.id} (kemungkinan bom ZIP).`,
    messageEn: `ZIP refused: entry ${shown} ${why.en} (a likely ZIP bomb).`,
  });
}

type Budget = { totalLeft: number };

// Counts the bytes actually inflated and stops at the first limit passed: the sizes in the
// headers are the attacker's to write.
async function inflate(options: { zipfile: ZipFile; entry: Entry; name: string; limits: ZipLimits; budget: Budget }): Promise<Buffer> {
  const { entry, name, limits, budget } = options;
  const chunks: Buffer[] = [];
  let inflated = 0;
  try {
    const stream = await options.zipfile.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > limits.maxEntryBytes) throw tooLarge(name, { id: `melebihi batas ${limits.maxEntryBytes} bita per berkas`, en: `exceeds the limit of ${limits.maxEntryBytes} bytes per file` });
      if (inflated > budget.totalLeft) throw tooLarge(name, { id: 'membuat isi seluruh ZIP yang diunggah melebihi batas', en: "takes the content of the uploaded ZIPs past the limit" });
      if (inflated > limits.ratioFloorBytes && inflated > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
        throw tooLarge(name, { id: `mengembang lebih dari ${limits.maxRatio} kali ukurannya`, en: `inflates to more than ${limits.maxRatio} times its size` });
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    // yauzl checks the inflated length against the header (validateEntrySizes); a mismatch or bad
    // deflate data means a damaged or crafted archive.
    throw refused({ code: 'BAD_FILE', entry: name, message: `ZIP ditolak: entri ${JSON.stringify(name)} rusak atau ukurannya dipalsukan.`, messageEn: `ZIP refused: entry ${JSON.stringify(name)} is damaged or its size is forged.` });
  }
  budget.totalLeft -= inflated;
  return Buffer.concat(chunks);
}

async function openZip(zip: Buffer, limits: ZipLimits): Promise<ZipFile> {
  let zipfile: ZipFile;
  try {
    // decodeStrings: false so that names are checked here, with a message naming the entry.
    zipfile = await yauzl.fromBufferPromise(zip, { decodeStrings: false, validateEntrySizes: true });
  } catch {
    throw refused({ code: 'BAD_FILE', entry: '', message: 'Berkas ZIP rusak dan tidak dapat dibuka.', messageEn: 'The ZIP file is damaged and cannot be opened.' });
  }
  if (zipfile.entryCount > limits.maxEntries) {
    throw refused({
      code: 'PAYLOAD_TOO_LARGE',
      entry: '',
      message: `ZIP ditolak: berisi ${zipfile.entryCount} entri, batasnya ${limits.maxEntries}.`,
      messageEn: `ZIP refused: it holds ${zipfile.entryCount} entries, the limit is ${limits.maxEntries}.`,
    });
  }
  return zipfile;
}

// Every file entry in archive order: its bytes, or why it was skipped. Directories and OS junk are
// left out silently; nested ZIPs are listed as skipped, never opened. Throws an AppError (and
// returns nothing) for an archive that reaches outside itself or is a bomb.
export async function readZipEntries(zip: Buffer, limits: ZipLimits): Promise<ZipEntryRead[]> {
  const zipfile = await openZip(zip, limits);
  const budget: Budget = { totalLeft: limits.maxTotalBytes };
  const entries: ZipEntryRead[] = [];
  try {
    for await (const entry of zipfile.eachEntry()) {
      const name = safeNameOf(entry);
      if (name.endsWith('/') || isJunk(name)) continue;
      const problem = entryProblem(entry, name);
      if (problem) {
        entries.push({ name, skipped: problem });
        continue;
      }
      const bytes = await inflate({ zipfile, entry, name, limits, budget });
      entries.push(looksLikeZip(bytes) ? { name, skipped: nestedZip(name) } : { name, bytes });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refused({ code: 'BAD_FILE', entry: '', message: 'Berkas ZIP rusak dan tidak dapat dibaca sampai habis.', messageEn: 'The ZIP file is damaged and cannot be read to its end.' });
  } finally {
    zipfile.close();
  }
  return entries;
}

function nestedZip(name: string): IntakeProblem {
  const shown = JSON.stringify(name);
  return { code: 'NESTED_ZIP', message: `${shown} adalah ZIP di dalam ZIP dan tidak dibuka; unggah terpisah.`, messageEn: `${shown} is a ZIP inside the ZIP and was not opened; upload it on its own.` };
}
