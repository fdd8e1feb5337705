// Reads a Jalin process's Prometheus metrics the way Prometheus would, for benchmarks that check
// the server's own request count against what their load tool received.

export const METRICS_TOKEN = 'bench-metrics-token-0123456789';
const REQUESTS_METRIC = 'jalin_http_requests_total';

// The sum of the request counter over every route but /metrics itself (the scrapes are not load).
export function sumRequestSamples(exposition: string): number {
  let total = 0;
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(`${REQUESTS_METRIC}{`)) continue;
    if (line.includes('route="/metrics"')) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) total += value;
  }
  return total;
}

export async function countedRequests(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  if (!response.ok) throw new Error(`/metrics answered ${response.status} at ${baseUrl}`);
  return sumRequestSamples(await response.text());
}
