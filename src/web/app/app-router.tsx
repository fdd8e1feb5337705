import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createAppRouter } from './router';

// The router and every signed-in screen behind it: a chunk of its own, which a signed-out visitor
// downloads only after signing in (main.tsx).
export default function AppRouter() {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}
