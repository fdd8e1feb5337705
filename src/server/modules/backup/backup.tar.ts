import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Header, Parser, Pax, type ReadEntry } from 'tar';

// A plain POSIX tar, written and read entry by entry so that the sha256 recorded for an entry
// is the hash of exactly the bytes that went into the archive (a file read once, never stat-ed
// and re-read), and restore can check every byte before it writes anything.

export type ArchiveEntry = { path: string; size: number; sha256: string };

const BLOCK = 512;

export type ArchiveWriter = {
  addBuffer: (entryPath: string, body: Buffer) => Promise<ArchiveEntry>;
  // Only for files this process wrote and no one else changes (the database dump).
  addFile: (entryPath: string, source: string) => Promise<ArchiveEntry>;
  addStream: (entryPath: string, body: AsyncIterable<Buffer>, size: number) => Promise<ArchiveEntry>;
  finish: () => Promise<void>;
  abort: () => Promise<void>;
};

export async function openArchiveWriter(file: string, mtime: Date): Promise<ArchiveWriter> {
  const handle = await open(file, 'wx');
  const writeHeader = async (entryPath: string, size: number) => {
    const data = { path: entryPath, mode: 0o644, uid: 0, gid: 0, size, mtime, type: 'File' as const };
    const block = Buffer.alloc(BLOCK);
    // A path longer than the ustar fields hold goes in a pax header before the entry.
    if (new Header(data).encode(block, 0)) await handle.write(new Pax(data).encode());
    await handle.write(block);
  };
  const pad = async (size: number) => {
    const rest = size % BLOCK;
    if (rest > 0) await handle.write(Buffer.alloc(BLOCK - rest));
  };
  // The header carries the size, so it is known before the bytes; bytes that do not add up to it
  // (a file changed or cut short while read) fail the whole archive rather than make a wrong entry.
  const addStream = async (entryPath: string, body: AsyncIterable<Buffer>, size: number): Promise<ArchiveEntry> => {
    await writeHeader(entryPath, size);
    const hash = createHash('sha256');
    let written = 0;
    for await (const chunk of body) {
      written += chunk.length;
      if (written > size) break;
      hash.update(chunk);
      await handle.write(chunk);
    }
    if (written !== size) throw new Error(`${entryPath} changed while it was archived (${String(written)} bytes, ${String(size)} expected)`);
    await pad(size);
    return { path: entryPath, size, sha256: hash.digest('hex') };
  };
  return {
    async addBuffer(entryPath, body) {
      await writeHeader(entryPath, body.length);
      await handle.write(body);
      await pad(body.length);
      return { path: entryPath, size: body.length, sha256: createHash('sha256').update(body).digest('hex') };
    },
    addFile: async (entryPath, source) => addStream(entryPath, createReadStream(source), (await stat(source)).size),
    addStream,
    async finish() {
      await handle.write(Buffer.alloc(BLOCK * 2));
      await handle.sync();
      await handle.close();
    },
    abort: () => handle.close(),
  };
}

export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(typeof value === 'string' ? value : JSON.stringify(value));
}

export type EntryInfo = { path: string; size: number; type: string };
export type EntrySink = { write: (chunk: Buffer) => void | Promise<void>; end: () => void | Promise<void> };

// Feeds each entry's bytes to the sink onEntry returns, one chunk at a time and in order; the
// next chunk of the archive is read only once the sinks are done with the previous one.
export async function readArchive(file: string, onEntry: (entry: EntryInfo) => EntrySink): Promise<void> {
  const parser = new Parser({ strict: true });
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const enqueue = (step: () => void | Promise<void>) => {
    chain = chain.then(step);
  };
  parser.on('entry', (entry: ReadEntry) => {
    const sink = onEntry({ path: entry.path, size: entry.size, type: entry.type });
    entry.on('data', (chunk: Buffer) => {
      enqueue(() => sink.write(chunk));
    });
    entry.on('end', () => {
      enqueue(() => sink.end());
    });
  });
  parser.on('error', (error: unknown) => {
    failure ??= error;
  });
  const ended = new Promise<void>((resolve) => {
    parser.once('end', resolve);
    parser.once('error', () => {
      resolve();
    });
  });
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    if (failure) break;
    parser.write(chunk);
    await chain;
  }
  if (!failure) {
    parser.end();
    await ended;
  }
  await chain;
  if (failure) throw asError(failure);
}
