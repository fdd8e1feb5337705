import type { FastifyRequest, RouteOptions } from 'fastify';
import { ROLES, type Role } from '../../shared/roles';
import { AppError } from './errors';

// Who may call an /api route at all, declared beside the route in its options:
//   config: { access: 'public' }            anyone, no session (the portal's API, the proposal form, tracking links)
//   config: { access: 'signed-in' }         every staff role
//   config: { access: ['admin', 'tkksd'] }  these roles only
// One onRequest hook enforces it before the body is read or validated: 401 without a session,
// 403 for a role outside the list. The module's policy (*.policy.ts) still decides per object
// (own OPD, assigned reviewer, draft visibility), after the object is found: so a declared role
// asking for an object that does not exist gets 404, never 403, and the matrix test treats any
// other 403 to a declared role as a declaration wider than the policy.
export type RouteAccess = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export type DeclaredRoute = { method: string; url: string; access: RouteAccess };

// The roles a declaration lets through the gate.
export function rolesAllowed(access: RouteAccess): readonly Role[] {
  if (access === 'public' || access === 'signed-in') return ROLES;
  return access;
}

function isRouteAccess(value: unknown): value is RouteAccess {
  if (value === 'public' || value === 'signed-in') return true;
  return Array.isArray(value) && value.length > 0 && value.every((role) => (ROLES as readonly unknown[]).includes(role));
}

// Outside /api are the public portal (open by design) and /metrics, which is for Prometheus, not
// for people: it takes no session but its own bearer token, JALIN_METRICS_TOKEN (metrics-route.ts).
// onRoute: an /api route without a valid declaration stops start-up, so a new route cannot be
// open by omission. Returns what was declared, for the route table the matrix test walks.
export function declaredAccessOf(route: RouteOptions): DeclaredRoute | null {
  if (!route.url.startsWith('/api')) return null;
  const config = (route.config ?? {}) as { access?: unknown };
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (!isRouteAccess(config.access)) {
    throw new Error(`${methods.join(',')} ${route.url}: declare who may call it in its options, e.g. config: { access: 'signed-in' } (src/server/lib/access.ts)`);
  }
  return { method: methods.join(','), url: route.url, access: config.access };
}

// onRequest, after the session is resolved and before anything else of the route runs.
export async function enforceRouteAccess(request: FastifyRequest): Promise<void> {
  const access = request.routeOptions.config.access;
  if (access === undefined || access === 'public') return;
  if (!request.actor) {
    throw new AppError({ code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.', messageEn: 'Please log in first.' });
  }
  if (!rolesAllowed(access).includes(request.actor.role)) {
    throw new AppError({
      code: 'FORBIDDEN',
      message: 'Peran Anda tidak berwenang memakai alamat ini.',
      messageEn: 'Your role may not use this address.',
      details: { reason: 'role' },
    });
  }
}
