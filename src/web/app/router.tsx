import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { NotFoundPage } from '../components/not-found-page';
import { PageLoader } from '../components/page-loader';
import { RequireAbility, RequireAuth } from '../components/require-auth';
import { RouteError } from '../components/route-error';
import { LoginPage } from '../features/auth/components/login-page';
import { LANDING_PATH } from '../features/auth/return-path';
import { loadAppTranslations } from '../lib/i18n';
import { APP_ROUTES } from './routes';

// The signed-in shell (navigation, notifications, user menu, every screen's translations) is its own
// chunk: the sign-in page, the first thing a phone on a slow network opens, loads without it.
const AppLayout = lazy(async () => {
  const [{ AppLayout: layout }] = await Promise.all([import('./app-layout'), loadAppTranslations()]);
  return { default: layout };
});

export function createAppRouter() {
  return createBrowserRouter(
    [
      { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <Suspense fallback={<PageLoader />}>
              <AppLayout />
            </Suspense>
          </RequireAuth>
        ),
        errorElement: <RouteError />,
        children: [
          {
            // A crash in one screen stays inside the shell.
            errorElement: <RouteError />,
            children: [
              // Everyone lands on what waits for them (issue 11 part 7).
              { index: true, element: <Navigate to={LANDING_PATH} replace /> },
              ...APP_ROUTES.map((route) => ({
                path: route.path,
                element: <RequireAbility ability={route.ability}>{route.element}</RequireAbility>,
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
