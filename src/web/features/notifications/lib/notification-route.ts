// Links are stored as /app/...; the router already lives under /app. Anything else (another
// site, a scheme) is not followed: a notice only points inside the staff app.
export function routeOf(link: string | null): string | null {
  if (!link) return null;
  if (link.startsWith('/app/')) return link.slice(4);
  return link.startsWith('/') && !link.startsWith('//') ? link : null;
}
