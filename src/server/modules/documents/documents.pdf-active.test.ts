import { describe, expect, it } from 'vitest';
import { makeAttachmentPdf, makeEscapedLaunchPdf, makeOpenActionScriptPdf } from '../../../../tests/support/active-pdf';
import { makeScanPdf, makeTextPdf } from '../../../../tests/support/pdf-fixtures';
import { readPdfContent } from './documents.pdf';
import { findActiveContent } from './documents.pdf-active';

describe('active content in a PDF', () => {
  it('finds an OpenAction script whether the catalog is plain or inside a compressed object stream', async () => {
    expect(findActiveContent(await makeOpenActionScriptPdf({ objectStreams: false }))).toEqual(['JavaScript']);
    const compressed = await makeOpenActionScriptPdf({ objectStreams: true });
    expect(compressed.toString('latin1')).not.toContain('/JavaScript');
    expect(findActiveContent(compressed)).toEqual(['JavaScript']);
  });

  it('finds a Launch action spelled with #xx escapes, and an embedded file', async () => {
    expect(findActiveContent(await makeEscapedLaunchPdf())).toEqual(['Launch']);
    expect(findActiveContent(await makeAttachmentPdf())).toContain('EmbeddedFile');
  });

  it('finds nothing in an ordinary text PDF or a scan', async () => {
    expect(findActiveContent(await makeTextPdf(['Pasal 1 /JS bukan skrip di dalam teks', 'Pasal 2']))).toEqual([]);
    expect(findActiveContent(await makeScanPdf(2))).toEqual([]);
  });

  it('reports it with the rest of the content read at upload', async () => {
    expect((await readPdfContent(await makeOpenActionScriptPdf())).activeContent).toEqual(['JavaScript']);
    expect((await readPdfContent(await makeTextPdf(['isi']))).activeContent).toEqual([]);
  });
});
