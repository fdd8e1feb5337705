import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../components/not-found-page';
import { PageLoader } from '../components/page-loader';
import { RequireAbility, RequireAuth } from '../components/require-auth';
import { RouteError } from '../components/route-error';
import { LoginPage } from '../features/auth/components/login-page';
import { LandingRedirect } from '../features/auth/components/landing-redirect';
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
              // Everyone lands on what waits for them (issue 11 part 7); the leadership on its dashboard (issue 12).
              { index: true, element: <LandingRedirect /> },
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
