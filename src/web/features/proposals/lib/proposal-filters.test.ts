import { describe, expect, it } from 'vitest';
import { groupByType, readFilters, writeFilters } from './proposal-filters';

describe('proposal filters in the address', () => {
  it('reads valid filters and the board view', () => {
    const params = new URLSearchParams('view=board&kind=KSDPK&stage=pembahasan_tkksd&state=aktif&unit=0b6c1f4e-2d1a-4f7e-9c7d-1a2b3c4d5e6f&page=2&q=UMKM');
    expect(readFilters(params)).toEqual({
      view: 'board',
      filters: { kind: 'KSDPK', stageCode: 'pembahasan_tkksd', state: 'aktif', unitId: '0b6c1f4e-2d1a-4f7e-9c7d-1a2b3c4d5e6f', page: 2, q: 'UMKM' },
    });
  });

  it('drops values that are not valid instead of sending them to the API', () => {
    expect(readFilters(new URLSearchParams('view=grid&kind=XYZ&stage=DROP TABLE&state=unknown&unit=12&page=-3'))).toEqual({ view: 'list', filters: { page: 1 } });
  });

  it('writes back only what is set, so the address stays short', () => {
    expect(writeFilters({ page: 1 }, 'list')).toEqual({});
    expect(writeFilters({ page: 3, kind: 'SINERGI', stageCode: 'registrasi_validasi' }, 'board')).toEqual({ view: 'board', kind: 'SINERGI', stage: 'registrasi_validasi', page: '3' });
    const { filters, view } = readFilters(new URLSearchParams(writeFilters({ page: 2, state: 'dikembalikan', q: 'pasar' }, 'list')));
    expect({ filters, view }).toEqual({ filters: { page: 2, state: 'dikembalikan', q: 'pasar' }, view: 'list' });
  });
});

describe('documents grouped by type', () => {
  it('keeps the procedure order of types and the newest version first', () => {
    const documents = [
      { docType: 'sk_ppksd', versionNo: 1 },
      { docType: 'kak', versionNo: 2 },
      { docType: 'kak', versionNo: 1 },
      { docType: 'lain', versionNo: 1 },
    ];
    expect(groupByType(documents, ['kak', 'studi_kelayakan', 'sk_ppksd'])).toEqual([
      { docType: 'kak', versions: [{ docType: 'kak', versionNo: 2 }, { docType: 'kak', versionNo: 1 }] },
      { docType: 'sk_ppksd', versions: [{ docType: 'sk_ppksd', versionNo: 1 }] },
      { docType: 'lain', versions: [{ docType: 'lain', versionNo: 1 }] },
    ]);
  });
});
