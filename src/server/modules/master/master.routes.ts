import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { plainText } from '../../../shared/input';
import {
  MergeUnitsSchema,
  PartnerCategoryInputSchema,
  PartnerCategoryUpdateSchema,
  PartnerGroupInputSchema,
  PartnerGroupUpdateSchema,
  SectorInputSchema,
  SectorUpdateSchema,
  UnitInputSchema,
  UnitUpdateSchema,
} from '../../../shared/master';
import { actorCtxOf, typed } from '../../lib/http';
import * as master from './master.service';

const idParam = z.object({ id: z.uuid() });
const codeParam = z.object({ code: plainText().min(1).max(50) });
const tags = ['master'];

export function masterRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/master', { schema: { tags }, config: { access: 'signed-in' } }, (request) => master.readMasterData(actorCtxOf(request)));

  api.post('/units', { schema: { tags, body: UnitInputSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await master.createUnit(actorCtxOf(request), request.body)),
  );
  api.post('/units/merge', { schema: { tags, body: MergeUnitsSchema }, config: { access: ['admin'] } }, (request) => master.mergeUnits(actorCtxOf(request), request.body));
  api.patch('/units/:id', { schema: { tags, params: idParam, body: UnitUpdateSchema }, config: { access: ['admin'] } }, (request) =>
    master.updateUnit(actorCtxOf(request), { ...request.body, id: request.params.id }),
  );

  api.post('/sectors', { schema: { tags, body: SectorInputSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await master.createSector(actorCtxOf(request), request.body)),
  );
  api.patch('/sectors/:code', { schema: { tags, params: codeParam, body: SectorUpdateSchema }, config: { access: ['admin'] } }, (request) =>
    master.updateSector(actorCtxOf(request), { ...request.body, code: request.params.code }),
  );

  api.post('/partner-groups', { schema: { tags, body: PartnerGroupInputSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await master.createPartnerGroup(actorCtxOf(request), request.body)),
  );
  api.patch('/partner-groups/:code', { schema: { tags, params: codeParam, body: PartnerGroupUpdateSchema }, config: { access: ['admin'] } }, (request) =>
    master.updatePartnerGroup(actorCtxOf(request), { ...request.body, code: request.params.code }),
  );

  api.post('/partner-categories', { schema: { tags, body: PartnerCategoryInputSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await master.createPartnerCategory(actorCtxOf(request), request.body)),
  );
  api.patch('/partner-categories/:code', { schema: { tags, params: codeParam, body: PartnerCategoryUpdateSchema }, config: { access: ['admin'] } }, (request) =>
    master.updatePartnerCategory(actorCtxOf(request), { ...request.body, code: request.params.code }),
  );
}
