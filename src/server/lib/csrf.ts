import type { FastifyRequest } from 'fastify';
import type { Env } from '../env';
import { AppError } from './errors';

// Methods that change state; GET, HEAD and OPTIONS never do in this app.
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function crossSiteRefused(from: string): AppError {
  return new AppError({
    code: 'FORBIDDEN',
    message: `Permintaan ditolak: dikirim dari halaman lain (${from}), bukan dari Jalin sendiri. Buka Jalin dari alamatnya lalu ulangi.`,
    messageEn: `Request refused: it was sent from another page (${from}), not from Jalin itself. Open Jalin at its own address and try again.`,
    details: { reason: 'cross-site-request' },
  });
}

// The origins a page of this app can have: the configured public address, and the address the
// request itself was sent to (Host, or X-Forwarded-Host/-Proto only when JALIN_TRUST_PROXY is on),
// so a development proxy or a direct address also works. A browser sets Origin and Host itself;
// a page cannot forge either.
function ownOrigins(request: FastifyRequest, publicOrigin: string): string[] {
  return [publicOrigin, `${request.protocol}://${request.host}`.toLowerCase()];
}

// Cross-site request forgery guard for every state-changing request (see docs/decisions/0009-csrf.md).
// A browser marks where a request comes from (Sec-Fetch-Site, Origin); anything not from this
// app's own origin is refused before the body is read. A request with neither header is not from
// a current browser (CLI, curl, scripts) and is let through: it has no victim's cookie to ride on.
export function csrfGuard(env: Pick<Env, 'JALIN_PUBLIC_URL'>) {
  const publicOrigin = new URL(env.JALIN_PUBLIC_URL).origin.toLowerCase();
  return async function rejectCrossSiteRequest(request: FastifyRequest): Promise<void> {
    if (!STATE_CHANGING.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    // same-site (another port or subdomain) is as untrusted as cross-site: SameSite cookies do not stop it.
    if (site === 'cross-site' || site === 'same-site') throw crossSiteRefused(`Sec-Fetch-Site: ${site}`);
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (!ownOrigins(request, publicOrigin).includes(origin.toLowerCase())) throw crossSiteRefused(`Origin: ${origin.slice(0, 100)}`);
  };
}
