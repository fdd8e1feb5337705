import { lazy, StrictMode, Suspense, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient, Providers } from './app/providers';
import { ErrorBoundary } from './components/error-boundary';
import { PageLoader } from './components/page-loader';
import { SignInScreen } from './features/auth/components/sign-in-screen';
import { LANDING_PATH } from './features/auth/return-path';
import { setupI18n } from './lib/i18n';
import { fetchSession, SESSION_KEY } from './lib/session';

const AppRouter = lazy(() => import('./app/app-router'));
const BASE = '/app';

// The pages a signed-out person reaches from the sign-in form or a mailed link: shown without a
// session and without the router, each its own small chunk.
const LINK_SCREENS: Record<string, ComponentType> = {
  '/password/forgot': lazy(async () => ({ default: (await import('./features/auth/components/forgot-password-screen')).ForgotPasswordScreen })),
  '/password/set': lazy(async () => ({ default: (await import('./features/auth/components/set-password-screen')).SetPasswordScreen })),
};

// Where a visitor who signs in on the first screen goes next: the address they opened, unless that
// was the app's root or the sign-in page itself.
function firstTarget(): string {
  const inApp = window.location.pathname.slice(BASE.length) || '/';
  return inApp === '/' || inApp.startsWith('/login') ? LANDING_PATH : `${inApp}${window.location.search}`;
}

// A signed-out visitor meets the sign-in form before react-router and the screens are even
// downloaded; signing in loads them, at the address the visitor first asked for.
function Root({ signedIn, target }: { signedIn: boolean; target: string }) {
  const [needsSignIn, setNeedsSignIn] = useState(!signedIn);
  if (needsSignIn) {
    return (
      <SignInScreen
        onSignedIn={() => {
          window.history.replaceState(null, '', `${BASE}${target}`);
          setNeedsSignIn(false);
        }}
      />
    );
  }
  return (
    <Suspense fallback={<PageLoader />}>
      <AppRouter />
    </Suspense>
  );
}

async function start() {
  const [, session] = await Promise.all([setupI18n(), fetchSession().catch(() => null)]);
  const root = document.getElementById('root');
  if (!root) return;
  const queryClient = createQueryClient();
  queryClient.setQueryData(SESSION_KEY, session);
  const LinkScreen = LINK_SCREENS[window.location.pathname.slice(BASE.length).replace(/\/+$/, '')];
  const target = firstTarget();
  // While the form shows, the address reads /login, as the router's own sign-in page does.
  if (!session && !LinkScreen) window.history.replaceState(null, '', `${BASE}/login`);
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <Providers queryClient={queryClient}>
          {LinkScreen ? (
            <Suspense fallback={<PageLoader />}>
              <LinkScreen />
            </Suspense>
          ) : (
            <Root signedIn={session !== null} target={target} />
          )}
        </Providers>
      </ErrorBoundary>
    </StrictMode>,
  );
}

void start();
