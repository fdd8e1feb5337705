import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';

// A request id from the proxy in front (nginx's $request_id, a load balancer's trace id) is kept,
// so one id follows the request through every hop, but only when it is a short plain token: the id
// goes into every log line and a response header, where a long or odd value could forge log
// entries or bloat every line. Anything else is replaced by a fresh id.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const REQUEST_ID_HEADER = 'x-request-id';

// Fastify's genReqId: its value is request.id, which Fastify puts in every log line of the request
// (as reqId) through request.log.
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

// onRequest, first of all: every answer names its request id, errors included.
export async function sendRequestId(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.header(REQUEST_ID_HEADER, request.id);
}
