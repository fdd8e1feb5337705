import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EvaluationFormInputSchema } from '../../../shared/evaluation';
import { actorCtxOf, typed } from '../../lib/http';
import * as evaluation from './evaluation.service';

const revisionParam = z.object({ revision: z.coerce.number().int().min(1).max(1_000_000) });
const ReviseSchema = EvaluationFormInputSchema.extend({ basedOn: z.number().int().min(1).max(1_000_000) });
const tags = ['evaluation'];

export function evaluationRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/evaluation/form', { schema: { tags }, config: { access: 'signed-in' } }, (request) => evaluation.readEvaluationForm(actorCtxOf(request)));
  api.get('/evaluation/forms', { schema: { tags }, config: { access: 'signed-in' } }, (request) => evaluation.listEvaluationForms(actorCtxOf(request)));
  api.get('/evaluation/forms/:revision', { schema: { tags, params: revisionParam }, config: { access: 'signed-in' } }, (request) =>
    evaluation.readEvaluationForm(actorCtxOf(request), { revision: request.params.revision }),
  );
  api.post('/evaluation/forms', { schema: { tags, body: ReviseSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await evaluation.reviseEvaluationForm(actorCtxOf(request), request.body)),
  );
}
