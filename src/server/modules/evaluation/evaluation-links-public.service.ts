import type { SubmitResponseInput } from '../../../shared/evaluation';
import type { PartnerEvaluationView } from '../../../shared/evaluation-links';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { loadAgreementViews } from '../agreements/agreements.service';
import { recordAudit } from '../audit/audit.service';
import { hashToken } from '../proposals/tracking/tracking-links.service';
import * as linkRepo from './evaluation-links.repository';
import { evaluationClosed, linkStateOf, unusableLink } from './evaluation-links.rules';
import * as repo from './evaluation.repository';
import { checkAnswers } from './evaluation.rules';

// The partner has no account: the audit names the link's holder instead.
function partnerLabel(email: string): string {
  return `partner via link (${email})`;
}

async function resolveLink(db: Db, { token, now, forUpdate = false }: { token: string; now: Date; forUpdate?: boolean }): Promise<linkRepo.PartnerLinkRow> {
  const link = await linkRepo.selectLinkByHash(db, { tokenHash: hashToken(token), forUpdate });
  if (!link) throw unusableLink('unknown');
  const state = linkStateOf(link, now);
  if (state !== 'active') throw unusableLink(state);
  return link;
}

// The link's evaluation, still open: a final one takes no more answers and shows nothing more.
async function openEvaluationOf(db: Db, { link, forUpdate = false }: { link: linkRepo.PartnerLinkRow; forUpdate?: boolean }): Promise<repo.EvaluationRow> {
  const row = await repo.selectEvaluation(db, { id: link.evaluationId, forUpdate });
  if (!row) throw unusableLink('unknown');
  if (row.status !== 'open') throw evaluationClosed();
  return row;
}

// Only the questions asked of the partner, with what it answered before: no other respondent's
// scores, no internal notes.
async function partnerViewOf(ctx: Pick<Ctx, 'db' | 'now'>, { row, link }: { row: repo.EvaluationRow; link: linkRepo.PartnerLinkRow }): Promise<PartnerEvaluationView> {
  const [agreement] = await loadAgreementViews(ctx, [row.agreementId]);
  const indicators = await repo.selectIndicators(ctx.db, row.formRevision);
  const own = (await repo.selectResponses(ctx.db, [row.id])).find((response) => response.respondent === 'partner');
  return {
    agreementTitle: agreement?.title ?? '',
    agreementNumber: agreement?.numberOurs ?? null,
    agreementNumberPartner: agreement?.numberPartner ?? null,
    partnerNames: agreement?.partners.map((partner) => partner.name) ?? [],
    period: row.period,
    status: row.status,
    linkExpiresAt: link.expiresAt.toISOString(),
    questions: indicators
      .filter((indicator) => indicator.respondents.includes('partner'))
      .map(({ code, dimension, question, questionEn, scale }) => ({ code, dimension, question, questionEn, scale })),
    answers: (own?.answers ?? []).map(({ code, score, note }) => ({ code, score, note: note ?? null })),
    answeredAt: own?.submittedAt.toISOString() ?? null,
  };
}

export async function readPartnerEvaluation(ctx: Ctx, input: { token: string }): Promise<PartnerEvaluationView> {
  const link = await resolveLink(ctx.db, { token: input.token, now: ctx.now });
  const row = await openEvaluationOf(ctx.db, { link });
  return partnerViewOf(ctx, { row, link });
}

// The partner's answers, checked as every respondent's are (only its own questions, each once,
// scores within the scale), replacing its earlier ones while the evaluation is open.
export async function answerThroughLink(ctx: Ctx, input: SubmitResponseInput & { token: string }): Promise<PartnerEvaluationView> {
  const { row, link } = await ctx.db.transaction(async (tx) => {
    const live = await resolveLink(tx, { token: input.token, now: ctx.now, forUpdate: true });
    const locked = await openEvaluationOf(tx, { link: live, forUpdate: true });
    const answers = checkAnswers(await repo.selectIndicators(tx, locked.formRevision), { respondent: 'partner', answers: input.answers });
    await repo.upsertResponse(tx, { evaluationId: locked.id, respondent: 'partner', userId: null, answers, now: ctx.now });
    await linkRepo.setLinkAnswered(tx, { id: live.id, now: ctx.now });
    await recordAudit(tx, { actor: null, actorLabel: partnerLabel(live.email), entity: 'evaluation', entityId: locked.id, action: 'answer_partner', at: ctx.now, changes: [{ field: 'answers', old: null, new: answers }] });
    return { row: locked, link: live };
  });
  return partnerViewOf(ctx, { row, link });
}
