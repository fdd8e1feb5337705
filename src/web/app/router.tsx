import { createBrowserRouter, Navigate } from 'react-router';
import { NotFoundPage } from '../components/not-found-page';
import { RequireAuth, RequireRole } from '../components/require-auth';
import { RouteError } from '../components/route-error';
import { LoginPage } from '../features/auth/components/login-page';
import { AppLayout } from './app-layout';
import { APP_ROUTES } from './routes';

export function createAppRouter() {
  return createBrowserRouter(
    [
      { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        errorElement: <RouteError />,
        children: [
          {
            // A crash in one screen stays inside the shell.
            errorElement: <RouteError />,
            children: [
              { index: true, element: <Navigate to="/agreements" replace /> },
              ...APP_ROUTES.map((route) => ({
                path: route.path,
                element: <RequireRole roles={route.roles}>{route.element}</RequireRole>,
              })),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
    { basename: '/app' },
  );
}
