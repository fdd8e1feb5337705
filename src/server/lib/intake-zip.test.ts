import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeScanPdf } from '../../../tests/support/pdf-fixtures';
import { makeRawZip, makeZip } from '../../../tests/support/zip-fixtures';
import { AppError } from './errors';
import { DEFAULT_ZIP_LIMITS, looksLikeZip, readZipEntries, type ZipLimits } from './intake-zip';

const MIB = 1024 * 1024;
const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 50 * MIB };

async function refusal(zip: Buffer, options: ZipLimits = limits): Promise<AppError> {
  const error: unknown = await readZipEntries(zip, options).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('reading the entries of an uploaded ZIP', () => {
  it('returns each file entry with its bytes, in archive order, sub-folders kept in the name', async () => {
    const pdf = await makeScanPdf();
    const text = Buffer.from('catatan');
    const zip = await makeZip([
      { name: 'scans/pks-001.pdf', data: pdf },
      { name: 'catatan.txt', data: text, compress: false },
    ]);
    expect(await readZipEntries(zip, limits)).toEqual([
      { name: 'scans/pks-001.pdf', bytes: pdf },
      { name: 'catatan.txt', bytes: text },
    ]);
  });

  it('reads backslashes that stay inside the archive as folder separators', async () => {
    const zip = makeRawZip([{ name: 'scans\\2021\\pks.pdf', data: Buffer.from('%PDF-1.7') }]);
    expect(await readZipEntries(zip, limits)).toEqual([{ name: 'scans/2021/pks.pdf', bytes: Buffer.from('%PDF-1.7') }]);
  });

  it('leaves out directories and the files operating systems add, silently', async () => {
    const zip = makeRawZip([
      { name: 'scans/', unixMode: 0o040755 },
      { name: '__MACOSX/scans/._pks.pdf', data: Buffer.from('mac resource fork') },
      { name: 'scans/.DS_Store', data: Buffer.from('finder') },
      { name: 'scans/Thumbs.db', data: Buffer.from('explorer') },
      { name: 'scans/pks.pdf', data: Buffer.from('%PDF-1.7 body') },
    ]);
    expect((await readZipEntries(zip, limits)).map((entry) => entry.name)).toEqual(['scans/pks.pdf']);
  });

  it('lists a ZIP inside the ZIP as skipped without opening it, judged by content not name', async () => {
    const inner = await makeZip([{ name: 'a.pdf', data: Buffer.from('%PDF-1.7') }]);
    const zip = await makeZip([{ name: 'lampiran.pdf', data: inner }]);
    const [entry] = await readZipEntries(zip, limits);
    expect(entry).toMatchObject({ name: 'lampiran.pdf', skipped: { code: 'NESTED_ZIP' } });
    expect(entry && 'skipped' in entry ? entry.skipped.messageEn : '').toContain('"lampiran.pdf" is a ZIP inside the ZIP');
  });

  it('lists password-protected and oddly compressed entries as skipped and reads the rest', async () => {
    const zip = makeRawZip([
      { name: 'rahasia.pdf', data: Buffer.from('%PDF-1.7 encrypted bytes'), method: 0, isEncrypted: true },
      { name: 'bzip.pdf', data: Buffer.from('BZh91AY&SY'), method: 12 },
      { name: 'biasa.pdf', data: Buffer.from('%PDF-1.7 plain') },
    ]);
    const entries = await readZipEntries(zip, limits);
    expect(entries).toMatchObject([
      { name: 'rahasia.pdf', skipped: { code: 'ENTRY_ENCRYPTED' } },
      { name: 'bzip.pdf', skipped: { code: 'ENTRY_UNSUPPORTED' } },
      { name: 'biasa.pdf', bytes: Buffer.from('%PDF-1.7 plain') },
    ]);
  });

  it.each([
    ['a parent-directory path', '../evil.pdf'],
    ['a parent-directory path inside a folder', 'scans/../../evil.pdf'],
    ['an absolute path', '/etc/cron.d/evil.pdf'],
    ['a drive letter', 'C:/Windows/evil.pdf'],
    ['a backslash path leading outside', '..\\evil.pdf'],
    ['a backslash drive path', 'C:\\Windows\\evil.pdf'],
    ['a network share path', '\\\\server\\share\\evil.pdf'],
    ['a control character', 'evil\u0001.pdf'],
  ])('refuses the whole ZIP for an entry with %s, naming the entry', async (_label, name) => {
    const zip = makeRawZip([
      { name: 'baik.pdf', data: Buffer.from('%PDF-1.7') },
      { name, data: Buffer.from('%PDF-1.7') },
    ]);
    const error = await refusal(zip);
    expect(error.code).toBe('BAD_FILE');
    // Named as read, backslashes as the folder separators they stand for.
    expect(error.message).toContain(JSON.stringify(name.replaceAll('\\', '/')));
    expect(error.messageEn).toContain('points outside the archive');
  });

  it('refuses the whole ZIP for a symbolic link entry', async () => {
    const zip = makeRawZip([{ name: 'pks.pdf', data: Buffer.from('/etc/passwd'), method: 0, unixMode: 0o120777 }]);
    const error = await refusal(zip);
    expect(error.code).toBe('BAD_FILE');
    expect(error.messageEn).toBe('ZIP refused: entry "pks.pdf" is a symbolic link.');
  });

  it('refuses a ZIP of more entries than the limit before reading any', async () => {
    const zip = makeRawZip(Array.from({ length: 600 }, (_, index) => ({ name: `kosong-${index}.pdf` })));
    const error = await refusal(zip);
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.messageEn).toBe('ZIP refused: it holds 600 entries, the limit is 500.');
    expect(await readZipEntries(zip, { ...limits, maxEntries: 600 })).toHaveLength(600);
  });

  it('refuses a bomb whose header declares a small size, the inflated bytes being checked against it', async () => {
    const zip = makeRawZip([{ name: 'bom.pdf', data: Buffer.alloc(20 * MIB), declaredSize: 1000 }]);
    expect(zip.length).toBeLessThan(100_000);
    const error = await refusal(zip);
    expect(error.code).toBe('BAD_FILE');
    expect(error.messageEn).toBe('ZIP refused: entry "bom.pdf" is damaged or its size is forged.');
  });

  it('stops inflating a bomb at the ratio limit whatever size its header declares', async () => {
    const zip = makeRawZip([{ name: 'bom.pdf', data: Buffer.alloc(64 * MIB), declaredSize: 4_000_000_000 }]);
    const error = await refusal(zip, { ...limits, maxEntryBytes: 8 * 1024 * MIB });
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.messageEn).toContain('"bom.pdf" inflates to more than 100 times its size');
  });

  it('refuses an entry that inflates more than 100:1 past 1 MiB, but not a small one that does', async () => {
    const small = await makeZip([{ name: 'halaman-kosong.pdf', data: Buffer.alloc(512 * 1024) }]);
    expect(await readZipEntries(small, limits)).toHaveLength(1);
    const bomb = await makeZip([{ name: 'nol.pdf', data: Buffer.alloc(64 * MIB) }]);
    const error = await refusal(bomb, { ...limits, maxEntryBytes: 1024 * MIB });
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.messageEn).toBe('ZIP refused: entry "nol.pdf" inflates to more than 100 times its size (a likely ZIP bomb).');
  });

  it('refuses an entry larger than the per-file upload limit', async () => {
    const zip = await makeZip([{ name: 'besar.pdf', data: randomBytes(300 * 1024) }]);
    const error = await refusal(zip, { ...limits, maxEntryBytes: 200 * 1024 });
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.messageEn).toContain('"besar.pdf" exceeds the limit of 204800 bytes per file');
  });

  it('refuses a ZIP whose entries together inflate past the total limit', async () => {
    const zip = await makeZip([
      { name: 'satu.pdf', data: randomBytes(150 * 1024) },
      { name: 'dua.pdf', data: randomBytes(150 * 1024) },
    ]);
    expect(await readZipEntries(zip, { ...limits, maxTotalBytes: 300 * 1024 })).toHaveLength(2);
    const error = await refusal(zip, { ...limits, maxTotalBytes: 250 * 1024 });
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.messageEn).toContain('"dua.pdf" takes the content of the uploaded ZIPs past the limit');
  });

  it('refuses a damaged ZIP with a clear message', async () => {
    const zip = await makeZip([{ name: 'a.pdf', data: Buffer.from('%PDF-1.7') }]);
    const error = await refusal(zip.subarray(0, zip.length - 10));
    expect(error.code).toBe('BAD_FILE');
    expect(error.message).toBe('Berkas ZIP rusak dan tidak dapat dibuka.');
  });

  it('recognises a ZIP by its first bytes, an empty one included', async () => {
    expect(looksLikeZip(await makeZip([]))).toBe(true);
    expect(looksLikeZip(await makeZip([{ name: 'a.txt', data: Buffer.from('a') }]))).toBe(true);
    expect(looksLikeZip(Buffer.from('%PDF-1.7'))).toBe(false);
    expect(looksLikeZip(Buffer.from('PK'))).toBe(false);
  });
});
