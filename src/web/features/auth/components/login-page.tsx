import { Navigate, useLocation, useNavigate } from 'react-router';
import { PageLoader } from '../../../components/page-loader';
import { useSession } from '../../../lib/session';
import { returnPath } from '../return-path';
import { SignInScreen } from './sign-in-screen';

// /login inside the router: where a signed-out screen sends its visitor, and back afterwards.
export function LoginPage() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const target = returnPath(location.state);

  if (session.isPending) return <PageLoader />;
  if (session.data) return <Navigate to={target} replace />;
  return <SignInScreen onSignedIn={() => void navigate(target, { replace: true })} />;
}
