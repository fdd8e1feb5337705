import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateUserSchema, UpdateUserSchema } from '../../../shared/users';
import { actorCtxOf, typed } from '../../lib/http';
import { createUser, listUsers, sendInvitation, updateUser } from './users.service';
import { resetTotpOf } from './users-totp.service';

export function usersRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['users'];
  api.get('/users', { schema: { tags }, config: { access: ['admin'] } }, (request) => listUsers(actorCtxOf(request)));
  api.post('/users', { schema: { tags, body: CreateUserSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await createUser(actorCtxOf(request), request.body)),
  );
  api.patch('/users/:id', { schema: { tags, params: z.object({ id: z.uuid() }), body: UpdateUserSchema }, config: { access: ['admin'] } }, (request) =>
    updateUser(actorCtxOf(request), { ...request.body, id: request.params.id }),
  );
  // For someone who lost the phone with their authenticator: they sign in with the password again.
  api.post('/users/:id/totp/reset', { schema: { tags, params: z.object({ id: z.uuid() }) }, config: { access: ['admin'] } }, (request) =>
    resetTotpOf(actorCtxOf(request), request.params.id),
  );
  api.post('/users/:id/invitation', { schema: { tags, params: z.object({ id: z.uuid() }) }, config: { access: ['admin'] } }, (request) =>
    sendInvitation(actorCtxOf(request), { id: request.params.id }),
  );
}
