import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AbilitiesSchema, type Abilities } from '../../../shared/abilities';
import { ChangePasswordSchema, ForgotPasswordSchema, LoginSchema, PasswordLinkTokenSchema, PasswordLinkViewSchema, SessionUserSchema, SetPasswordByLinkSchema, TotpCodeSchema, TotpPasswordSchema, TotpSetupSchema, TotpStatusSchema } from '../../../shared/auth';
import type { Actor } from '../../lib/context';
import { actorCtxOf, ctxOf, typed } from '../../lib/http';
import { readPasswordLink, requestPasswordReset, setPasswordByLink } from '../users/password-links.service';
import { changeOwnPassword, endOtherSessions } from '../users/users-self.service';
import { beginTotpSetup, confirmTotpSetup, disableOwnTotp, totpStatus } from '../users/users-totp.service';
import { findSessionUser, hashToken, LOCK_MINUTES, login, logout, MAX_FAILED_LOGINS, SESSION_COOKIE, SESSION_HOURS } from './auth.service';

export async function resolveSessionActor(request: FastifyRequest) {
  const token = request.cookies[SESSION_COOKIE];
  if (!token || !request.url.startsWith('/api')) return;
  request.sessionToken = token;
  request.actor = await findSessionUser(ctxOf(request), token);
}

function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    // Strict: the cookie never rides on a request started by another site, not even a link
    // (the SPA then asks /api/auth/me from its own page, which carries it). See 0009-csrf.md.
    sameSite: 'strict',
    secure,
    maxAge: SESSION_HOURS * 3600,
  });
}

// The session answer carries what the user may do, computed by the policies of the modules above
// auth: modules/routes.ts hands in the function that asks them.
export type AbilitiesOf = (actor: Actor) => Abilities;
const SessionSchema = z.object({ user: SessionUserSchema, abilities: AbilitiesSchema });

export function authRoutes(app: FastifyInstance, options: { abilitiesOf: AbilitiesOf }) {
  const api = typed(app);
  api.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], body: LoginSchema, response: { 200: SessionSchema } },
      // A second brake besides the per-account lock: per address.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' }, access: 'public' },
    },
    async (request, reply) => {
      const result = await login(ctxOf(request), request.body);
      setSessionCookie(reply, result.token, request.server.deps.env.JALIN_COOKIE_SECURE);
      return { user: result.user, abilities: options.abilitiesOf(result.user) };
    },
  );
  api.post('/auth/logout', { schema: { tags: ['auth'] }, config: { access: 'public' } }, async (request, reply) => {
    if (request.sessionToken) await logout(ctxOf(request), request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
  // The session the request came with stays open; every other one of the account ends.
  const keepTokenHash = (request: FastifyRequest) => hashToken(request.sessionToken ?? '');
  api.post(
    '/auth/password',
    { schema: { tags: ['auth'], body: ChangePasswordSchema }, config: { access: 'signed-in', rateLimit: { max: 30, timeWindow: '1 minute' } } },
    (request) => changeOwnPassword(actorCtxOf(request), { ...request.body, keepTokenHash: keepTokenHash(request), lock: { limit: MAX_FAILED_LOGINS, minutes: LOCK_MINUTES } }),
  );
  api.post('/auth/sessions/end-others', { schema: { tags: ['auth'] }, config: { access: 'signed-in' } }, (request) =>
    endOtherSessions(actorCtxOf(request), { keepTokenHash: keepTokenHash(request) }),
  );
  // Two-step sign-in, each person for their own account; the password steps have sign-in's brake.
  const lock = { limit: MAX_FAILED_LOGINS, minutes: LOCK_MINUTES };
  const guarded = { access: 'signed-in' as const, rateLimit: { max: 30, timeWindow: '1 minute' } };
  api.get('/auth/totp', { schema: { tags: ['auth'], response: { 200: TotpStatusSchema } }, config: { access: 'signed-in' } }, (request) => totpStatus(actorCtxOf(request)));
  api.post('/auth/totp/setup', { schema: { tags: ['auth'], body: TotpPasswordSchema, response: { 200: TotpSetupSchema } }, config: guarded }, (request) =>
    beginTotpSetup(actorCtxOf(request), { password: request.body.password, lock }),
  );
  api.post('/auth/totp/confirm', { schema: { tags: ['auth'], body: TotpCodeSchema, response: { 200: TotpStatusSchema } }, config: guarded }, (request) =>
    confirmTotpSetup(actorCtxOf(request), request.body),
  );
  api.post('/auth/totp/disable', { schema: { tags: ['auth'], body: TotpPasswordSchema, response: { 200: TotpStatusSchema } }, config: guarded }, (request) =>
    disableOwnTotp(actorCtxOf(request), { password: request.body.password, lock }),
  );
  passwordLinkRoutes(app);
  api.get(
    '/auth/me',
    { schema: { tags: ['auth'], response: { 200: SessionSchema } }, config: { access: 'signed-in' } },
    async (request) => {
      const { actor } = actorCtxOf(request);
      return { user: actor, abilities: options.abilitiesOf(actor) };
    },
  );
}

// A forgotten password and an invitation: signed out, through a mailed link (decision 0031).
function passwordLinkRoutes(app: FastifyInstance) {
  const api = typed(app);
  // Per address; the per-account brake is in the service, silent so it tells nothing either.
  api.post(
    '/auth/password/forgot',
    { schema: { tags: ['auth'], body: ForgotPasswordSchema }, config: { access: 'public', rateLimit: { max: 10, timeWindow: '15 minutes' } } },
    async (request, reply) => {
      await requestPasswordReset(ctxOf(request), request.body);
      return reply.status(202).send({ accepted: true });
    },
  );
  // POST, not GET: the token stays out of addresses and logs.
  api.post(
    '/auth/password/link',
    { schema: { tags: ['auth'], body: PasswordLinkTokenSchema, response: { 200: PasswordLinkViewSchema } }, config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } } },
    (request) => readPasswordLink(ctxOf(request), request.body),
  );
  api.post(
    '/auth/password/set',
    { schema: { tags: ['auth'], body: SetPasswordByLinkSchema }, config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      await setPasswordByLink(ctxOf(request), request.body);
      return reply.status(204).send();
    },
  );
}
