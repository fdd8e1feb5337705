import fc from 'fast-check';

// fast-check arbitraries built from the OpenAPI document @fastify/swagger derives from the Zod
// contracts: mostly well-formed values, so requests get past validation into the services, mixed
// with the values that once ended in a 500 (NUL, lone surrogates, integers past int4, impossible
// dates, wrong types, very long text).

export type JsonSchema = {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

// Real values the fuzzer puts where an id or a code is asked for, so it reaches past "not found".
export type Pools = { ids: string[]; codes: string[] };

export const EVIL_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\ud83d',
  '',
  ' ',
  'x',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '99999-01-01',
  'x'.repeat(30_000),
  '%00',
  "'; DROP TABLE agreements; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '2147483648',
  '-1',
  '1e400',
  'NaN',
  '__proto__',
];

export const EVIL_NUMBERS = [2_147_483_648, -2_147_483_649, 2 ** 60, 1e308, -1, 0, 1.5, -0.5, 2 ** 31 - 1, 1e21];

const evilOther = fc.constantFrom<unknown>(null, true, false, [], {}, [null], { a: 1 });

export const evilValue: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(...EVIL_STRINGS), fc.constantFrom(...EVIL_NUMBERS), evilOther);

const VALID_DATES = ['2026-06-15', '2026-01-01', '2025-12-31', '2027-03-01'];

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

function stringArbitrary(schema: JsonSchema, pools: Pools): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.constantFrom(...pools.ids);
  if (schema.format === 'email') return fc.constantFrom('rahma@yayasan.example', 'admin@jalin.example', 'a@b.id');
  if (schema.format === 'date-time') return fc.constantFrom('2026-06-15T09:00:00+09:00', '2026-06-15T00:00:00Z');
  if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return fc.constantFrom(...VALID_DATES);
  if (schema.pattern) return fc.constantFrom(...pools.codes, '2026-06', '2026', '1000000');
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 60, 60));
  return fc.oneof(
    { arbitrary: fc.string({ minLength, maxLength }), weight: 3 },
    { arbitrary: fc.string({ minLength, maxLength, unit: 'binary' }), weight: 1 },
    { arbitrary: fc.constantFrom(...pools.codes), weight: 2 },
  );
}

function numberArbitrary(schema: JsonSchema, isInteger: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1000;
  const max = schema.maximum ?? 1000;
  if (isInteger) return fc.integer({ min: Math.max(min, -2_147_483_648), max: Math.min(max, 2_147_483_647) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectArbitrary(schema: JsonSchema, pools: Pools, depth: number, clean: boolean): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, valueArbitrary(value, pools, depth + 1, clean)]));
  const required = (schema.required ?? []).filter((key) => key in model);
  // Usually every required field (so the request gets past validation), sometimes any subset.
  if (clean) return fc.record(model, { requiredKeys: required });
  return fc.oneof(
    { arbitrary: fc.record(model, { requiredKeys: required }), weight: 4 },
    { arbitrary: fc.record(model, { requiredKeys: [] }), weight: 1 },
  );
}

function wellFormed(schema: JsonSchema, pools: Pools, depth: number, clean: boolean): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0) return fc.oneof(...variants.map((variant) => valueArbitrary(variant, pools, depth, clean)));
  if (schema.allOf?.[0]) return valueArbitrary(schema.allOf[0], pools, depth, clean);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const types = typesOf(schema).filter((type) => type !== 'null');
  const type = types[0] ?? (schema.properties ? 'object' : 'string');
  switch (type) {
    case 'string':
      return stringArbitrary(schema, pools);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const items = schema.items ? valueArbitrary(schema.items, pools, depth + 1, clean) : fc.string();
      // At most 3 items to keep requests small, but never fewer than the schema requires.
      const minLength = schema.minItems ?? 0;
      return fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'object':
      return depth > 4 ? fc.constant({}) : objectArbitrary(schema, pools, depth, clean);
    default:
      return fc.string();
  }
}

// Each value: well-formed about four times in five, otherwise one of the known troublemakers;
// a clean value is always well-formed (the base a single mutation is applied to).
export function valueArbitrary(schema: JsonSchema, pools: Pools, depth = 0, clean = false): fc.Arbitrary<unknown> {
  if (clean) return wellFormed(schema, pools, depth, true);
  const isNullable = schema.nullable === true || typesOf(schema).includes('null');
  const choices = [
    { arbitrary: wellFormed(schema, pools, depth, false), weight: 8 },
    { arbitrary: evilValue, weight: 2 },
  ];
  return isNullable ? fc.oneof(...choices, { arbitrary: fc.constant(null), weight: 1 }) : fc.oneof(...choices);
}

const REMOVE = Symbol('remove');

type Leaf = { path: (string | number)[]; value: unknown };

function leavesOf(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(value)) return [{ path, value }, ...value.flatMap((item, index) => leavesOf(item, [...path, index]))];
  if (typeof value === 'object' && value !== null) return [{ path, value }, ...Object.entries(value).flatMap(([key, item]) => leavesOf(item, [...path, key]))];
  return [{ path, value }];
}

function replaced(value: unknown, path: (string | number)[], next: (old: unknown) => unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next(value);
  if (Array.isArray(value)) return (value as unknown[]).map((item, index) => (index === head ? replaced(item, rest, next) : item));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]): [string, unknown] => [key, key === String(head) ? replaced(item, rest, next) : item]);
    return Object.fromEntries(entries.filter(([, item]) => item !== REMOVE));
  }
  return value;
}

// What one mutation does to the one value it picks.
const MUTATIONS: ((old: unknown, evil: unknown) => unknown)[] = [
  (_old, evil) => evil,
  (old) => (typeof old === 'string' ? `${old}\u0000` : '\u0000'),
  (old) => (typeof old === 'string' ? `${old}\ud800` : '\udc00'),
  (old) => (typeof old === 'number' ? 2_147_483_648 : 'x'),
  () => REMOVE,
  (old) => (typeof old === 'string' ? old.repeat(2000) : [old, old]),
];

// A well-formed value with exactly one thing wrong, so the request passes every other check and
// the bad part reaches as deep into the service and the database as it can.
export function singleMutation(schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  return fc.tuple(valueArbitrary(schema, pools, 0, true), fc.nat(), fc.nat({ max: MUTATIONS.length - 1 }), evilValue).map(([value, pick, kind, evil]) => {
    const leaves = leavesOf(value);
    const leaf = leaves[pick % leaves.length];
    const mutation = MUTATIONS[kind];
    if (!leaf || !mutation) return value;
    const result = replaced(value, leaf.path, (old) => mutation(old, evil));
    return result === REMOVE ? undefined : result;
  });
}

// A query or path value is text on the wire.
export function wireText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}
