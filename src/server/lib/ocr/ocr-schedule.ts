// The timing every OCR queue shares (agreement documents, bulk intake): leases, retries, time-outs.

const MINUTE_MS = 60 * 1000;
// A failed attempt is tried again after 1, 5, then 30 minutes; the fourth failure is the last.
const BACKOFF_MINUTES = [1, 5, 30];
export const OCR_MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;
// A job not heard of for this long is taken for cut off (its server stopped) and claimed again;
// each page read extends it.
const LEASE_MS = 10 * MINUTE_MS;

export function leaseFrom(now: Date): Date {
  return new Date(now.getTime() + LEASE_MS);
}

// When a job whose `attempts`-th try failed is tried again; null when that try was the last.
export function retryAfterFailure(input: { attempts: number; now: Date }): Date | null {
  const minutes = BACKOFF_MINUTES[input.attempts - 1];
  return minutes === undefined ? null : new Date(input.now.getTime() + minutes * MINUTE_MS);
}

// A stuck run is stopped: a minute a page is six times what a page takes here, ten at the least.
// `stop` is the server stopping.
export function ocrRunSignal(pageCount: number | null, stop?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(Math.max(10, pageCount ?? 1) * MINUTE_MS);
  return stop ? AbortSignal.any([timeout, stop]) : timeout;
}
