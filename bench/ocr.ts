// OCR's speed and what it costs the rest of the server (docs/performance.md, "OCR"):
// - pages per minute of a 300 dpi A4 scan, read as the server reads it (ocrPdf: one page at a time,
//   under `nice`), with one job and with two jobs at once;
// - the registry search's p95 while a job runs, against the same searches with the machine idle.
import { ocrPdf } from '../src/server/lib/ocr/ocr-tool';
import { renderScanPdf } from '../tests/support/scan-pdf';
import { percentile, timeFetch } from './timing';

const SCAN_PAGES = 4;
const SEARCH_TERMS = ['biaya', 'beasiswa', 'retribusi', 'nelayan', 'Bank Ternate', 'pesisir sampah', 'pendidikan vokasi', 'wisata bahari'];

// A full A4 page of an agreement's body: about forty lines, as a scanned PKS page has.
function bodyPage(index: number): string {
  const clauses = [
    `Pasal ${String(index + 1)}`,
    'PARA PIHAK sepakat untuk melaksanakan kerja sama dalam bidang pemberdayaan usaha mikro, kecil dan menengah melalui penyaluran kredit usaha rakyat, pelatihan pengelolaan keuangan, pendampingan pemasaran digital dan perluasan akses permodalan bagi pelaku usaha di Kota Ternate.',
    'PIHAK PERTAMA berkewajiban menyediakan data calon penerima manfaat, memfasilitasi sosialisasi kepada kelompok usaha, serta melakukan pemantauan dan evaluasi atas pelaksanaan kegiatan setiap semester.',
    'PIHAK KEDUA berkewajiban menyalurkan pembiayaan sesuai ketentuan yang berlaku, menyelenggarakan pelatihan bagi pelaku usaha, dan menyampaikan laporan pelaksanaan kepada PIHAK PERTAMA paling lambat tanggal sepuluh setiap bulan berikutnya.',
    'Segala biaya yang timbul sebagai akibat pelaksanaan Perjanjian ini dibebankan kepada anggaran masing-masing PIHAK sesuai dengan ketentuan peraturan perundang-undangan.',
    'Apabila terjadi perselisihan dalam pelaksanaan Perjanjian ini, PARA PIHAK sepakat untuk menyelesaikannya secara musyawarah untuk mufakat.',
  ];
  return [...clauses, ...clauses.slice(1)].join('\n');
}

export async function makeBenchScan(pages: number, seed: number): Promise<Buffer> {
  return renderScanPdf(
    Array.from({ length: pages }, (_, index) => bodyPage(index)),
    { dpi: 300, rotationDegrees: 0.8, seed },
  );
}

async function pagesPerMinute(scans: Buffer[], pagesEach: number): Promise<number> {
  const started = performance.now();
  await Promise.all(scans.map((scan) => ocrPdf(scan, { pageCount: pagesEach })));
  const minutes = (performance.now() - started) / 60_000;
  return Math.round(((scans.length * pagesEach) / minutes) * 10) / 10;
}

async function searchTimes(input: { baseUrl: string; cookie: string; until: () => boolean; minimum: number }): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; times.length < input.minimum || !input.until(); round += 1) {
    const term = SEARCH_TERMS[round % SEARCH_TERMS.length] ?? 'biaya';
    times.push(await timeFetch(`${input.baseUrl}/api/agreements?q=${encodeURIComponent(term)}`, input.cookie));
  }
  return times;
}

// The searches made while the given scans are read at once (at least 200 of them).
async function searchWhile(options: { baseUrl: string; cookie: string }, scans: Buffer[]): Promise<number[]> {
  let isDone = false;
  const jobs = Promise.all(scans.map((scan) => ocrPdf(scan, { pageCount: SCAN_PAGES }))).finally(() => {
    isDone = true;
  });
  const times = await searchTimes({ ...options, until: () => isDone, minimum: 200 });
  await jobs;
  return times;
}

export async function measureOcr(options: { baseUrl: string; cookie: string; log: (message: string) => void }) {
  const { log } = options;
  const pages = SCAN_PAGES;
  log(`rendering ${String(pages)}-page 300 dpi scans`);
  const scans = await Promise.all([1, 2, 3].map((seed) => makeBenchScan(pages, seed)));
  const [first, second, third] = scans as [Buffer, Buffer, Buffer];
  log('OCR, one job');
  const oneJob = await pagesPerMinute([first], pages);
  log('OCR, two jobs at once');
  const twoJobs = await pagesPerMinute([second, third], pages);

  log('search, idle');
  // Warm: the first searches fill PostgreSQL's and the process's caches.
  await searchTimes({ ...options, until: () => true, minimum: 16 });
  const idle = await searchTimes({ ...options, until: () => true, minimum: 200 });
  log('search, while one OCR job runs');
  const busy = await searchWhile(options, [first]);
  log('search, while two OCR jobs run');
  const busyTwo = await searchWhile(options, [second, third]);
  const idleP95 = percentile(idle, 95);
  const busyP95 = percentile(busy, 95);
  return {
    ocr_pages_per_min_one_job: oneJob,
    ocr_pages_per_min_two_jobs: twoJobs,
    ocr_page_dpi: 300,
    search_idle_p50_ms: percentile(idle, 50),
    search_idle_p95_ms: idleP95,
    search_during_ocr_p50_ms: percentile(busy, 50),
    search_during_ocr_p95_ms: busyP95,
    search_during_ocr_samples: busy.length,
    search_p95_ratio_during_ocr: Math.round((busyP95 / idleP95) * 100) / 100,
    search_during_two_jobs_p95_ms: percentile(busyTwo, 95),
    search_p95_ratio_during_two_jobs: Math.round((percentile(busyTwo, 95) / idleP95) * 100) / 100,
  };
}
