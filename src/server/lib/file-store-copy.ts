import { createHash } from 'node:crypto';
import type { FileStore } from './file-store';

// Moving a store (the local directory into a bucket, or back): every key copied by stream and read
// back from the target to prove it arrived whole. Run again, it skips what is already there with
// the same bytes, so an interrupted copy is simply started again.
export type CopyReport = { copied: number; skipped: number; mismatched: string[] };

export async function sha256Of(files: FileStore, key: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await files.stream(key)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function copyFileStore(
  { from, to }: { from: FileStore; to: FileStore },
  onKey: (key: string, outcome: 'copied' | 'skipped' | 'mismatched') => void = () => undefined,
): Promise<CopyReport> {
  const report: CopyReport = { copied: 0, skipped: 0, mismatched: [] };
  for await (const key of from.list()) {
    const expected = await sha256Of(from, key);
    // A key already in the target is never replaced: either it is this file, or it is a conflict
    // (or damage) an operator must look at.
    const isThere = await to.exists(key);
    if (!isThere) await to.putStream(key, await from.stream(key));
    const isSame = (await sha256Of(to, key)) === expected;
    const outcome = !isSame ? 'mismatched' : isThere ? 'skipped' : 'copied';
    if (outcome === 'mismatched') report.mismatched.push(key);
    else report[outcome] += 1;
    onKey(key, outcome);
  }
  return report;
}
