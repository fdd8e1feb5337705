import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PUBLIC_FORM_MAX_BYTES, PublicProposalSchema, type PublicProposalInput } from '../../shared/proposals';
import { AppError } from '../lib/errors';
import { ctxOf } from '../lib/http';
import { submitPublicProposal } from '../modules/proposals/tracking/tracking.service';
import { proposalPage } from './portal-pages';
import type { PortalContext } from './portal.plugin';

// The proposal form without JavaScript: the browser posts it as an ordinary form, and the same use
// case as POST /api/public/proposals receives it. The same form sent twice carries the same
// content, so its idempotency key (derived from that content) makes it one proposal.

const TEXT_FIELDS = ['latarBelakang', 'maksudTujuan', 'ruangLingkup', 'manfaat', 'lokasi', 'peranParaPihak', 'jangkaWaktuAlasan', 'dampakSosial', 'dampakEkonomi', 'dampakLingkungan', 'pembiayaan'] as const;

function keyOf(raw: string): string {
  const hex = createHash('sha256').update(raw).digest('hex');
  // Shaped as a version-4 UUID, which the schema asks for.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function proposalFromForm(raw: string): PublicProposalInput {
  const form = new URLSearchParams(raw);
  const text = (name: string) => {
    const value = (form.get(name) ?? '').trim();
    return value === '' ? null : value;
  };
  const partners = [0, 1].flatMap((index) => {
    const name = text(`partner-${index}-name`);
    return name ? [{ name, categoryCode: text(`partner-${index}-category`) ?? '' }] : [];
  });
  const months = text('jangkaWaktuBulan');
  const input: Record<string, unknown> = {
    idempotencyKey: keyOf(raw),
    website: form.get('website') ?? '',
    initiator: { institution: text('institution') ?? '', contactName: text('contactName') ?? '', email: text('email') ?? '', phone: text('phone') },
    kind: text('kind'),
    title: text('title') ?? '',
    plannedPartners: partners,
    sectorCodes: form.getAll('sectorCodes'),
    jangkaWaktuBulan: months === null ? null : Number(months),
    burdensPublic: form.has('burdensPublic'),
    unbudgetedInApbd: form.has('unbudgetedInApbd'),
  };
  for (const name of TEXT_FIELDS) input[name] = text(name);
  return input as PublicProposalInput;
}

export function registerProposalPost(app: FastifyInstance, portal: PortalContext) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: PUBLIC_FORM_MAX_BYTES }, (_request, body, done) => {
    done(null, body);
  });
  app.post('/usulan', { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const parsed = PublicProposalSchema.safeParse(proposalFromForm(typeof request.body === 'string' ? request.body : ''));
    let result: { kind: 'ok' | 'error'; lines: string[] };
    if (!parsed.success) {
      result = { kind: 'error', lines: ['Usulan belum dapat dikirim. Periksa isian berikut:', ...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)] };
    } else {
      try {
        const accepted = await submitPublicProposal(ctx, parsed.data);
        result = { kind: 'ok', lines: [accepted.message, `Kode usulan: ${accepted.trackingCode}`] };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        result = { kind: 'error', lines: [error.message] };
      }
    }
    const page = await proposalPage(ctx, portal.site, result);
    const status = result.kind === 'ok' ? 202 : 400;
    return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send('body' in page ? page.body : '');
  });
}
