import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EventInputSchema } from '../../../shared/dissemination';
import { forbidden } from '../../lib/errors';
import { actorCtxOf, sendFileDownload, typed } from '../../lib/http';
import { receiveUpload } from '../../lib/multipart';
import { addEventPhoto, createEvent, listEvents, PHOTO_LIMIT, readEventPhoto } from './dissemination-events.service';
import { canRecordEvent } from './dissemination.policy';
import { disseminationSheetFor } from './dissemination.sheet';

const idParam = z.object({ id: z.uuid() });
const tags = ['dissemination'];

// A package hangs under its agreement: /agreements/:id/dissemination[/...]. The package itself
// (read, save, transition, acknowledge) and the tracking list are mounted by the plans module
// (plans/plan-status.routes.ts), which adds each OPD's plan status to them.
export function disseminationRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/agreements/:id/dissemination/sheet.pdf', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, async (request, reply) => {
    const sheet = await disseminationSheetFor(actorCtxOf(request), request.params.id);
    return sendFileDownload(reply, { body: sheet.body, fileName: sheet.fileName, mimeType: 'application/pdf' });
  });

  api.get('/agreements/:id/dissemination-events', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) => listEvents(actorCtxOf(request), request.params.id));
  api.post('/agreements/:id/dissemination-events', { schema: { tags, params: idParam, body: EventInputSchema }, config: { access: ['admin', 'tkksd'] } }, async (request, reply) =>
    reply.status(201).send(await createEvent(actorCtxOf(request), { agreementId: request.params.id, ...request.body })),
  );
  api.post('/dissemination-events/:id/photos', { schema: { tags, params: idParam }, config: { access: ['admin', 'tkksd'] } }, async (request, reply) => {
    const ctx = actorCtxOf(request);
    // Refused before the body is read: a forbidden upload is never streamed in.
    if (!canRecordEvent(ctx.actor)) throw forbidden();
    const upload = await receiveUpload(request, PHOTO_LIMIT);
    return reply.status(201).send(await addEventPhoto(ctx, { eventId: request.params.id, upload }));
  });
  api.get('/dissemination-photos/:id', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, async (request, reply) => {
    const photo = await readEventPhoto(actorCtxOf(request), request.params.id);
    return sendFileDownload(reply, photo);
  });
}
