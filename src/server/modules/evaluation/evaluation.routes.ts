import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EvaluationFormInputSchema, OpenEvaluationSchema, SubmitResponseSchema } from '../../../shared/evaluation';
import { versionSchema } from '../../../shared/input';
import { actorCtxOf, typed } from '../../lib/http';
import * as evaluationForm from './evaluation-form.service';
import * as evaluation from './evaluation.service';

const revisionParam = z.object({ revision: z.coerce.number().int().min(1).max(1_000_000) });
const ReviseSchema = EvaluationFormInputSchema.extend({ basedOn: z.number().int().min(1).max(1_000_000) });
const idParam = z.object({ id: z.uuid() });
const tags = ['evaluation'];

export function evaluationRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/evaluation/form', { schema: { tags }, config: { access: 'signed-in' } }, (request) => evaluationForm.readEvaluationForm(actorCtxOf(request)));
  api.get('/evaluation/forms', { schema: { tags }, config: { access: 'signed-in' } }, (request) => evaluationForm.listEvaluationForms(actorCtxOf(request)));
  api.get('/evaluation/forms/:revision', { schema: { tags, params: revisionParam }, config: { access: 'signed-in' } }, (request) =>
    evaluationForm.readEvaluationForm(actorCtxOf(request), { revision: request.params.revision }),
  );
  api.post('/evaluation/forms', { schema: { tags, body: ReviseSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await evaluationForm.reviseEvaluationForm(actorCtxOf(request), request.body)),
  );

  api.get('/agreements/:id/evaluations', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) =>
    evaluation.listEvaluations(actorCtxOf(request), { agreementId: request.params.id }),
  );
  api.post('/agreements/:id/evaluations', { schema: { tags, params: idParam, body: OpenEvaluationSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await evaluation.openEvaluation(actorCtxOf(request), { ...request.body, agreementId: request.params.id })),
  );
  api.get('/evaluations/:id', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) =>
    evaluation.getEvaluation(actorCtxOf(request), { evaluationId: request.params.id }),
  );
  api.put('/evaluations/:id/response', { schema: { tags, params: idParam, body: SubmitResponseSchema }, config: { access: ['admin', 'tkksd', 'opd'] } }, (request) =>
    evaluation.submitResponse(actorCtxOf(request), { ...request.body, evaluationId: request.params.id }),
  );
  api.post('/evaluations/:id/finalise', { schema: { tags, params: idParam, body: z.object({ version: versionSchema }) }, config: { access: ['admin'] } }, (request) =>
    evaluation.finaliseEvaluation(actorCtxOf(request), { evaluationId: request.params.id, version: request.body.version }),
  );
  api.post('/evaluations/:id/reopen', { schema: { tags, params: idParam }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await evaluation.reopenEvaluation(actorCtxOf(request), { evaluationId: request.params.id })),
  );
}
