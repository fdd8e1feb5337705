import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { inputErrorOf } from './input-errors';

function requestWith(contentType: string): FastifyRequest {
  return { headers: { 'content-type': contentType }, url: '/api/x', log: { warn: () => undefined } } as unknown as FastifyRequest;
}

describe('input errors the schemas let through', () => {
  it('turns a PostgreSQL data exception, however deeply wrapped, into a 400 without the SQL', () => {
    const driver = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    const wrapped = new Error('Failed query: insert into "partners" ("name") values ($1)', { cause: driver });
    const refused = inputErrorOf(wrapped, requestWith('application/json'));
    expect(refused?.status).toBe(400);
    expect(refused?.message).not.toContain('insert');
    expect(refused?.messageEn).not.toContain('UTF8');
  });

  it('leaves other database errors to the 500 path', () => {
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(inputErrorOf(unique, requestWith('application/json'))).toBeNull();
  });

  it('knows a broken multipart body only on a multipart request', () => {
    const truncated = new Error('Unexpected end of multipart data');
    expect(inputErrorOf(truncated, requestWith('multipart/form-data; boundary=x'))?.code).toBe('VALIDATION');
    expect(inputErrorOf(truncated, requestWith('application/json'))).toBeNull();
  });
});
