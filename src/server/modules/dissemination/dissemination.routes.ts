import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EventInputSchema, PackageActionSchema, SavePackageSchema } from '../../../shared/dissemination';
import { forbidden } from '../../lib/errors';
import { actorCtxOf, sendFileDownload, typed } from '../../lib/http';
import { receiveUpload } from '../../lib/multipart';
import { mailSettingsOf } from '../mail/mail.service';
import { addEventPhoto, createEvent, listEvents, PHOTO_LIMIT, readEventPhoto } from './dissemination.events';
import { canRecordEvent } from './dissemination.policy';
import { acknowledgePackage, getPackage, listTracking, transitionPackage, writePackage } from './dissemination.service';
import { disseminationSheetFor } from './dissemination.sheet';

const idParam = z.object({ id: z.uuid() });
const tags = ['dissemination'];

// A package hangs under its agreement: /agreements/:id/dissemination[/...].
export function disseminationRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/dissemination', { schema: { tags }, config: { access: ['admin', 'tkksd', 'pimpinan'] } }, (request) => listTracking(actorCtxOf(request)));
  api.get('/agreements/:id/dissemination', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) => getPackage(actorCtxOf(request), request.params.id));
  api.put('/agreements/:id/dissemination', { schema: { tags, params: idParam, body: SavePackageSchema }, config: { access: ['admin', 'tkksd'] } }, (request) =>
    writePackage(actorCtxOf(request), request.params.id, request.body, mailSettingsOf(request.server.deps.env)),
  );
  api.post('/agreements/:id/dissemination/transition', { schema: { tags, params: idParam, body: PackageActionSchema }, config: { access: ['admin', 'tkksd'] } }, (request) =>
    transitionPackage(actorCtxOf(request), request.params.id, request.body, mailSettingsOf(request.server.deps.env)),
  );
  api.post('/agreements/:id/dissemination/acknowledge', { schema: { tags, params: idParam }, config: { access: ['opd'] } }, (request) => acknowledgePackage(actorCtxOf(request), request.params.id));
  api.get('/agreements/:id/dissemination/sheet.pdf', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, async (request, reply) => {
    const sheet = await disseminationSheetFor(actorCtxOf(request), request.params.id, request.server.deps.env.JALIN_PUBLIC_URL);
    return sendFileDownload(reply, { body: sheet.body, fileName: sheet.fileName, mimeType: 'application/pdf' });
  });

  api.get('/agreements/:id/dissemination-events', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) => listEvents(actorCtxOf(request), request.params.id));
  api.post('/agreements/:id/dissemination-events', { schema: { tags, params: idParam, body: EventInputSchema }, config: { access: ['admin', 'tkksd'] } }, async (request, reply) =>
    reply.status(201).send(await createEvent(actorCtxOf(request), request.params.id, request.body)),
  );
  api.post('/dissemination-events/:id/photos', { schema: { tags, params: idParam }, config: { access: ['admin', 'tkksd'] } }, async (request, reply) => {
    const ctx = actorCtxOf(request);
    // Refused before the body is read: a forbidden upload is never streamed in.
    if (!canRecordEvent(ctx.actor)) throw forbidden();
    const upload = await receiveUpload(request, PHOTO_LIMIT);
    return reply.status(201).send(await addEventPhoto(ctx, request.server.deps.files, request.params.id, upload));
  });
  api.get('/dissemination-photos/:id', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, async (request, reply) => {
    const photo = await readEventPhoto(actorCtxOf(request), request.server.deps.files, request.params.id);
    return sendFileDownload(reply, photo);
  });
}
