import type { Ctx } from '../../../lib/context';

// Where a notice points: the proposal's page in the staff app, or the outside initiator's private page.

export function staffLink(proposalId: string): string {
  return `/app/proposals/${proposalId}`;
}

// The token travels in the fragment, which browsers never send to a server, so no log ever holds it.
export function publicLink(ctx: Pick<Ctx, 'mail'>, link: { page: 'konfirmasi' | 'lacak'; token: string }): string {
  const { page, token } = link;
  return `${ctx.mail.publicUrl}/usulan/${page}#${token}`;
}
