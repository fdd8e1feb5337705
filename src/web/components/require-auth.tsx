import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../shared/roles';
import { hasRole, useSession } from '../lib/session';
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

// The server enforces permissions; this only spares a role a screen it cannot use.
export function RequireRole({ roles, children }: { roles: readonly Role[] | undefined; children: ReactNode }) {
  const session = useSession();
  if (!hasRole(session.data ?? null, roles)) return <ForbiddenPage />;
  return children;
}
