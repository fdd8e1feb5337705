import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import yazl from 'yazl';

// ZIP archives made in the test. yazl for honest ones; a hand-built writer for the crafted ones
// (yazl refuses "../" names and always tells the truth about sizes).

export async function makeZip(entries: { name: string; data: Buffer; compress?: boolean }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { compress: entry.compress ?? true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export type RawEntry = {
  name: string;
  data?: Buffer;
  // 0 stored, 8 deflate; anything else is written as is (the data stored raw).
  method?: number;
  // The uncompressed size written into the headers; the real one when omitted.
  declaredSize?: number;
  // Flagged as encrypted (ZipCrypto), with the 12-byte encryption header before the data.
  isEncrypted?: boolean;
  // Unix mode in the upper half, as Info-ZIP writes it.
  unixMode?: number;
};

// Bit 11: the name is UTF-8 (else readers take it as CP437); bit 0: encrypted.
function flagsOf(entry: RawEntry): number {
  return 0x800 | (entry.isEncrypted ? 0x1 : 0);
}

function localHeader(entry: RawEntry, fields: { name: Buffer; crc: number; compressed: number; size: number }): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(flagsOf(entry), 6);
  header.writeUInt16LE(entry.method ?? 8, 8);
  header.writeUInt32LE(fields.crc, 14);
  header.writeUInt32LE(fields.compressed, 18);
  header.writeUInt32LE(fields.size, 22);
  header.writeUInt16LE(fields.name.length, 26);
  return Buffer.concat([header, fields.name]);
}

function centralHeader(entry: RawEntry, fields: { name: Buffer; crc: number; compressed: number; size: number; offset: number }): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  // Made by Unix (3), so that the mode bits mean what they say.
  header.writeUInt16LE((3 << 8) | 20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(flagsOf(entry), 8);
  header.writeUInt16LE(entry.method ?? 8, 10);
  header.writeUInt32LE(fields.crc, 16);
  header.writeUInt32LE(fields.compressed, 20);
  header.writeUInt32LE(fields.size, 24);
  header.writeUInt16LE(fields.name.length, 28);
  header.writeUInt32LE(((entry.unixMode ?? 0o100644) << 16) >>> 0, 38);
  header.writeUInt32LE(fields.offset, 42);
  return Buffer.concat([header, fields.name]);
}

// A ZIP written byte by byte, saying whatever the entries ask it to say.
export function makeRawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.data ?? Buffer.alloc(0);
    const packed = (entry.method ?? 8) === 8 ? deflateRawSync(data) : data;
    const stored = entry.isEncrypted ? Buffer.concat([randomBytes(12), packed]) : packed;
    const fields = { name: Buffer.from(entry.name, 'utf8'), crc: crc32(data), compressed: stored.length, size: entry.declaredSize ?? data.length };
    const local = Buffer.concat([localHeader(entry, fields), stored]);
    centrals.push(centralHeader(entry, { ...fields, offset }));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
