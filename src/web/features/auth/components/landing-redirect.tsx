import { Navigate } from 'react-router';
import { useSession } from '../../../lib/session';
import { landingPathOf } from '../return-path';

// The app's root: each session to its landing page (the abilities say which; no role is compared).
export function LandingRedirect() {
  const session = useSession();
  return <Navigate to={landingPathOf(session.data?.abilities)} replace />;
}
