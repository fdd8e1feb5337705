import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Ability } from '../../shared/abilities';
import { isAllowed, useSession } from '../lib/session';
import { ForbiddenPage } from './forbidden-page';
import { PageLoader } from './page-loader';

// Unauthenticated visitors go to the login page, which sends them back here afterwards.
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (!session.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return children;
}

// The server enforces permissions; this only spares a user a screen the session's abilities rule out.
export function RequireAbility({ ability, children }: { ability: Ability | undefined; children: ReactNode }) {
  const session = useSession();
  if (!isAllowed(session.data ?? null, ability)) return <ForbiddenPage />;
  return children;
}
