import type { FastifyInstance } from 'fastify';
import { UpdateSettingsSchema } from '../../../shared/settings';
import { actorCtxOf, typed } from '../../lib/http';
import { readSettings, updateSettings } from './settings.service';

const tags = ['settings'];

export function settingsRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/settings', { schema: { tags }, config: { access: 'signed-in' } }, (request) => readSettings(actorCtxOf(request)));
  api.patch('/settings', { schema: { tags, body: UpdateSettingsSchema }, config: { access: ['admin'] } }, (request) => updateSettings(actorCtxOf(request), request.body));
}
