import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementSlug } from '../../src/shared/slug';
import { closeTestApp, createProposalAs } from '../../src/server/modules/proposals/core/proposals.test-support';
import { buildUnit } from '../support/builders';
import { makeTextPdf, multipartBody } from '../support/pdf-fixtures';
import { buildAgreement, buildPartner } from '../support/registry-builders';
import { createTestApp, type TestApp } from '../support/test-app';
import { EVIL_STRINGS, evilValue, singleMutation, valueArbitrary, wireText, type JsonSchema, type Pools } from './openapi-arbitraries';

// Every route in the OpenAPI document (the /api routes and the portal's pages and form), called
// anonymously and as each role with malformed and edge-case input, must answer below 500. The seed
// is fixed so a failure reproduces; JALIN_FUZZ_SEED and JALIN_FUZZ_RUNS explore further locally:
//   JALIN_FUZZ_SEED=7 JALIN_FUZZ_RUNS=20 npx vitest run --project pglite tests/fuzz/api-fuzz.test.ts
const SEED = Number(process.env.JALIN_FUZZ_SEED ?? 20_260_904);
const RUNS = Number(process.env.JALIN_FUZZ_RUNS ?? 3);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Parameter = { in: string; name: string; schema?: JsonSchema };
type OpenApiOperation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };
type Operation = { method: Method; path: string; params: Parameter[]; query: Parameter[]; body: JsonSchema | null };
type FuzzBody = { headers: Record<string, string>; payload?: string | Buffer };
type FuzzRequest = FuzzBody & { url: string; describe: string };

const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const CALLERS = ['anonymous', 'admin', 'tkksd', 'opd', 'pimpinan'] as const;
type Caller = (typeof CALLERS)[number];

const EVIL_SEGMENTS = ['not-a-uuid', '%00', 'a%00b', '%ED%A0%80', '%F0%9F', 'x'.repeat(400), '2147483648', '-1', '..%2F..%2Fetc', '00000000-0000-0000-0000-000000000000'];
const BROKEN_JSON = ['{"a":', '{', 'null', '[]', '"x"', '\u0000', '{"version":2147483648}', '{"__proto__":{"polluted":true}}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '1e999', ''];

function operationsOf(document: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([name, operation]) => {
      const method = name.toUpperCase() as Method;
      if (!METHODS.includes(method)) return [];
      const parameters = operation.parameters ?? [];
      const body = operation.requestBody?.content?.['application/json']?.schema ?? null;
      return [{ method, path, params: parameters.filter((p) => p.in === 'path'), query: parameters.filter((p) => p.in === 'query'), body }];
    }),
  );
}

function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function pathParamArbitrary(name: string, pools: Pools & { byName: Record<string, string[]> }): fc.Arbitrary<string> {
  const known = pools.byName[name] ?? pools.ids;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...known).map(encodeSegment), weight: 6 },
    { arbitrary: fc.constantFrom(...EVIL_SEGMENTS), weight: 2 },
    { arbitrary: fc.constantFrom(...EVIL_STRINGS).map(encodeSegment), weight: 1 },
  );
}

// Query parameters the schema names, plus ones the portal pages read without a schema.
function queryArbitrary(operation: Operation, pools: Pools): fc.Arbitrary<string> {
  const named = Object.fromEntries(operation.query.map((p) => [p.name, valueArbitrary(p.schema ?? {}, pools)]));
  const loose = { q: evilValue, page: evilValue, token: evilValue, kode: evilValue, tahun: evilValue };
  return fc.record({ ...loose, ...named }, { requiredKeys: [] }).map((values) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        const text = wireText(item);
        // URLSearchParams turns a lone surrogate into U+FFFD; send the raw escape instead.
        search.append(key, text.replace(/[\ud800-\udfff]/g, ''));
      }
    }
    const text = search.toString();
    return text ? `?${text}` : '';
  });
}

function jsonBody(value: unknown): FuzzBody {
  return { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(value) ?? 'null' };
}

function bodyArbitrary(operation: Operation, pools: Pools, pdf: Buffer): fc.Arbitrary<FuzzBody> {
  const fields = fc.dictionary(fc.constantFrom('kind', 'docType', 'note', 'isPublic', 'title', 'caption', 'file'), fc.oneof(fc.constantFrom(...pools.codes), fc.constantFrom(...EVIL_STRINGS.filter((s) => s.length < 1000))), { maxKeys: 4 });
  const file = fc.constantFrom(
    { fileName: 'naskah.pdf', content: pdf },
    { fileName: 'data.csv', contentType: 'text/csv', content: Buffer.from('nomor,judul\n1,\u0000\n') },
    { fileName: 'x\u0000.pdf', content: Buffer.from('%PDF-1.4 broken') },
    { fileName: 'kosong.pdf', content: Buffer.alloc(0) },
  );
  const multipart = fc.tuple(fields, fc.option(file), fc.integer({ min: 0, max: 3 }), fc.nat()).map(([values, upload, mode, cut]) => {
    const built = multipartBody({ fields: values, ...(upload ? { file: upload } : {}) });
    if (mode === 1) return { headers: built.headers, payload: built.payload.subarray(0, cut % Math.max(built.payload.length, 1)) };
    if (mode === 2) return { headers: { 'content-type': 'multipart/form-data' }, payload: built.payload };
    return built;
  });
  const urlencoded = fields.map((values) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(values).toString() }));
  const broken = fc.constantFrom(...BROKEN_JSON).map((payload) => ({ headers: { 'content-type': 'application/json' }, payload }));
  const schemaBody = operation.body ? valueArbitrary(operation.body, pools).map(jsonBody) : evilValue.map(jsonBody);
  const mutatedBody = operation.body ? singleMutation(operation.body, pools).map(jsonBody) : evilValue.map(jsonBody);
  const isUpload = operation.body === null && operation.method !== 'GET';
  return fc.oneof(
    { arbitrary: mutatedBody, weight: isUpload ? 1 : 6 },
    { arbitrary: schemaBody, weight: isUpload ? 1 : 2 },
    { arbitrary: broken, weight: 2 },
    { arbitrary: multipart, weight: isUpload ? 5 : 1 },
    { arbitrary: urlencoded, weight: isUpload ? 2 : 1 },
  );
}

function requestArbitrary(operation: Operation, pools: Pools & { byName: Record<string, string[]> }, pdf: Buffer): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...operation.params.map((p) => pathParamArbitrary(p.name, pools)));
  const body = operation.method === 'GET' || operation.method === 'DELETE' ? fc.constant<FuzzBody>({ headers: {} }) : bodyArbitrary(operation, pools, pdf);
  return fc.tuple(params, queryArbitrary(operation, pools), body).map(([values, query, sent]) => {
    let index = 0;
    const path = operation.path.replace(/\{[^}]+\}/g, () => values[index++] ?? '');
    const url = `${path}${query}`;
    const payload = sent.payload === undefined ? '' : ` ${sent.headers['content-type'] ?? ''} ${JSON.stringify(Buffer.isBuffer(sent.payload) ? sent.payload.toString('latin1') : sent.payload).slice(0, 600)}`;
    return { url, headers: sent.headers, ...(sent.payload === undefined ? {} : { payload: sent.payload }), describe: `${operation.method} ${url.slice(0, 300)}${payload}` };
  });
}

describe('every route under malformed input', () => {
  let t: TestApp;
  const cookies: Partial<Record<Caller, string>> = {};
  let pools: Pools & { byName: Record<string, string[]> };
  let pdf: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'tkksd', 'opd', 'pimpinan'] as const) cookies[role] = (await t.loginAs(role)).cookie;
    const admin = cookies.admin ?? '';
    pdf = await makeTextPdf(['Perjanjian kerja sama']);
    // Real rows, so valid ids in paths reach the services behind "not found".
    const agreement = await buildAgreement(t.database.db);
    const partner = await buildPartner(t.database.db);
    const unit = await buildUnit(t.database.db);
    const proposal = await createProposalAs(t, admin, { unitId: unit.id });
    const upload = multipartBody({ fields: { kind: 'draf' }, file: { fileName: 'a.pdf', content: pdf } });
    const document = await t.app.inject({ method: 'POST', url: `/api/agreements/${agreement.id}/documents`, headers: { ...upload.headers, cookie: admin }, payload: upload.payload });
    const event = await t.app.inject({ method: 'POST', url: `/api/agreements/${agreement.id}/dissemination-events`, headers: { cookie: admin }, payload: { heldOn: '2026-06-01', place: 'Aula Kantor Wali Kota' } });
    const ids = [agreement.id, partner.id, unit.id, proposal.id, document.json<{ id: string }>().id, event.json<{ id: string }>().id].filter(Boolean);
    pools = {
      ids,
      codes: ['pendidikan', 'swasta', 'KSDD', 'KSDPK', 'naskah_ttd', 'draf', 'pdf', 'xlsx', 'aktif', agreementSlug(agreement.id, agreement.title)],
      byName: {
        code: ['pendidikan', 'swasta', 'pemerintah'],
        kind: ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'],
        type: ['KB', 'PKS', 'NK', 'kesepakatan'],
        token: ['t'.repeat(43)],
        slug: [agreementSlug(agreement.id, agreement.title)],
        hash: ['0123456789abcdef'],
        name: ['portal.css'],
      },
    };
  }, 180_000);

  afterAll(async () => {
    await closeTestApp(t);
  });

  it('answers every request below 500, anonymous and as each role', { timeout: 60_000 + RUNS * 60_000 }, async () => {
    const operations = operationsOf(t.app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> });
    expect(operations.length).toBeGreaterThan(100);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const [callerIndex, caller] of CALLERS.entries()) {
      for (const [operationIndex, operation] of operations.entries()) {
        // Logging out would end the very session the rest of the run uses.
        if (caller !== 'anonymous' && operation.path === '/api/auth/logout') continue;
        const seed = SEED + callerIndex * 10_007 + operationIndex * 101;
        for (const request of fc.sample(requestArbitrary(operation, pools, pdf), { seed, numRuns: RUNS })) {
          sent += 1;
          const cookie = cookies[caller];
          const response = await t.app.inject({
            method: operation.method,
            url: request.url,
            headers: { ...request.headers, ...(cookie ? { cookie } : {}) },
            // A new address each time, so the per-address limits do not end the run early.
            remoteAddress: `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`,
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          });
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (response.statusCode >= 500) failures.push(`[${caller}, seed ${seed}] ${request.describe} → ${response.statusCode} ${response.body.slice(0, 300)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The run reached past validation: some requests were accepted, others refused as bad input.
    expect([...statuses.keys()].some((status) => status >= 200 && status < 300)).toBe(true);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(sent / 10);
  });
});
