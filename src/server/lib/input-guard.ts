import type { FastifyRequest } from 'fastify';
import { findUnstorable, UNSTORABLE_MESSAGES, type UnstorableValue } from '../../shared/input';
import { AppError } from './errors';

function refusal(found: UnstorableValue, where: string): AppError {
  const field = found.path || where;
  const reason =
    found.kind === 'integer'
      ? { id: 'bilangan bulat terlalu besar', en: 'integer too large' }
      : UNSTORABLE_MESSAGES[found.kind];
  return new AppError({
    code: 'VALIDATION',
    message: `Isian tidak valid: ${field} (${reason.id})`,
    messageEn: `Invalid input: ${field} (${reason.en})`,
    field,
    issues: [{ path: field, message: `${reason.id} / ${reason.en}` }],
  });
}

// preValidation for every route, including ones without a schema and ones added later: a NUL, a
// lone surrogate or an integer past 2^53 in the path, the query or a parsed body is refused by
// name before any handler or query sees it. The shared schemas say the same per field; this is
// the net under them.
export async function rejectUnstorableInput(request: FastifyRequest): Promise<void> {
  const parts: [string, unknown][] = [['params', request.params], ['querystring', request.query], ['body', request.body]];
  for (const [where, value] of parts) {
    const found = findUnstorable(value);
    if (found) throw refusal(found, where);
  }
}
