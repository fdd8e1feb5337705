import { lazy, StrictMode, Suspense, useState } from 'react';
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
  const target = firstTarget();
  // While the form shows, the address reads /login, as the router's own sign-in page does.
  if (!session) window.history.replaceState(null, '', `${BASE}/login`);
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <Providers queryClient={queryClient}>
          <Root signedIn={session !== null} target={target} />
        </Providers>
      </ErrorBoundary>
    </StrictMode>,
  );
}

void start();
