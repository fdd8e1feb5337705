import type { FastifyInstance } from 'fastify';
import { DraftTypeParamSchema, UpdateDraftTemplateSchema } from '../../../../shared/proposal-signing';
import { actorCtxOf, typed } from '../../../lib/http';
import { getDraftTemplate, listDraftTemplates, updateDraftTemplate } from './draft-templates.service';

// The wording of the generated drafts, edited by the division. Contracts: src/shared/proposal-signing.ts.
//
// GET /api/draft-templates           → DraftTemplateView[] (kb, pks, nk)
// GET /api/draft-templates/:type     → DraftTemplateView { type, title, sections[{ heading, body }], placeholders, requiredSections, version }
// PUT /api/draft-templates/:type     UpdateDraftTemplateInput { title, sections, version } → DraftTemplateView;
//                                    400 naming an unknown {{placeholder}} (error.details.unknownPlaceholders) or, for a PKS,
//                                    the missing sections of PP 28/2018 Ps 19(2) (error.details.missingSections); stale version → 409

const tags = ['proposals'];

export function draftTemplatesRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/draft-templates', { schema: { tags, summary: 'Draft templates (KB, PKS, NK)' }, config: { access: ['admin', 'tkksd'] } }, (request) => listDraftTemplates(actorCtxOf(request)));
  api.get('/draft-templates/:type', { schema: { tags, params: DraftTypeParamSchema, summary: 'One draft template' }, config: { access: ['admin', 'tkksd'] } }, (request) => getDraftTemplate(actorCtxOf(request), request.params.type));
  api.put('/draft-templates/:type', { schema: { tags, params: DraftTypeParamSchema, body: UpdateDraftTemplateSchema, summary: 'Save a new version of a draft template' }, config: { access: ['admin'] } }, (request) =>
    updateDraftTemplate(actorCtxOf(request), { type: request.params.type, ...request.body }),
  );
}
