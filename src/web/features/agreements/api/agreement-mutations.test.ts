import { MutationObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentView } from '../../../../shared/documents';
import { agreementDocumentsQuery } from '../../../lib/shared-agreement-queries';
import { uploadDocumentMutation } from './agreement-mutations';

function documentsServer(stored: object[]) {
  return vi.fn(async () => new Response(JSON.stringify(stored), { status: 200, headers: { 'content-type': 'application/json' } }));
}

describe('uploading a document to an agreement', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('refreshes the one document list every screen reads, the dissemination editor included', async () => {
    const stored: object[] = [];
    const fetchDocuments = documentsServer(stored);
    vi.stubGlobal('fetch', fetchDocuments);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // The dissemination editor and the registry's documents tab both read this query.
    const list = new QueryObserver(client, agreementDocumentsQuery('agreement-1'));
    const unsubscribe = list.subscribe(() => undefined);
    await vi.waitFor(() => expect(list.getCurrentResult().data).toEqual([]));

    const uploaded = { id: 'document-1', fileName: 'pks-signed.pdf' };
    // The request itself is the browser's XHR; here the server simply stores the file.
    const upload = new MutationObserver(client, {
      ...uploadDocumentMutation('agreement-1'),
      mutationFn: async () => {
        stored.push(uploaded);
        return uploaded as DocumentView;
      },
    });
    await upload.mutate({ file: new File(['%PDF-1.7'], 'pks-signed.pdf'), kind: 'naskah_ttd', isPublic: false, onProgress: () => undefined });

    await vi.waitFor(() => expect(list.getCurrentResult().data).toEqual([uploaded]));
    expect(fetchDocuments).toHaveBeenCalledTimes(2);
    unsubscribe();
    client.clear();
  });
});
