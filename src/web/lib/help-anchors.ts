// Which section of the user guide (docs/user-guide.md, docs/user-guide.en.md) explains which
// screen. One table for every screen, so pages need not pass anything to their header; the
// anchors are written into the guides' headings as `{#anchor}` and are the same in both languages.
// A test (app/help-anchors.test.ts) fails when a screen has no entry or a guide lacks its anchor.
export const HELP_ANCHORS: Record<string, string> = {
  home: 'home',
  account: 'account',
  notifications: 'notifications',
  help: 'help',
  agreements: 'register',
  'agreements/new': 'register',
  'agreements/:id': 'register',
  'agreements/:id/edit': 'register',
  proposals: 'proposal-list',
  'proposals/new': 'proposal-submit',
  'proposals/:id': 'proposal-page',
  partners: 'partner-page',
  'partners/:id': 'partner-page',
  import: 'import',
  intake: 'intake',
  pimpinan: 'leadership',
  'pimpinan/tahap/:step': 'leadership',
  statistics: 'statistics',
  'impact-study': 'impact-study',
  dissemination: 'dissemination',
  'dissemination/:agreementId': 'dissemination',
  plans: 'dissemination',
  gap: 'dissemination',
  'plans/all': 'dissemination',
  realisation: 'realisation-report',
  'realisation/plans/:planId/:period': 'realisation-report',
  'realisation/reports/:id': 'realisation-review',
  'realisation/queue': 'realisation-review',
  reports: 'statutory-reports',
  'reports/:id': 'statutory-reports',
  'admin/users': 'admin-users',
  'admin/master': 'admin-master',
  'admin/procedures': 'procedures',
  'admin/draft-templates': 'procedures',
  'admin/settings': 'admin-settings',
};

// A route pattern ('agreements/:id') matches a pathname ('/agreements/5f0…') segment by segment.
function matches(pattern: string, pathname: string): boolean {
  const want = pattern.split('/');
  const got = pathname.replace(/^\/+|\/+$/g, '').split('/');
  return want.length === got.length && want.every((segment, index) => segment.startsWith(':') || segment === got[index]);
}

// The anchor for the screen at this pathname (relative to /app), or null outside the table.
// A literal segment beats a parameter: /agreements/new is the create form, not an agreement.
export function helpAnchorFor(pathname: string): string | null {
  const candidates = Object.keys(HELP_ANCHORS).filter((pattern) => matches(pattern, pathname));
  candidates.sort((a, b) => a.split(':').length - b.split(':').length);
  const best = candidates[0];
  return best ? (HELP_ANCHORS[best] ?? null) : null;
}

// `## Heading {#anchor}`: the anchor a guide heading declares (kramdown/Pandoc syntax).
export const HEADING_ANCHOR = /\s*\{#([a-z0-9-]+)\}\s*$/;

export function guideAnchors(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => /^#{1,6}\s/.test(line))
    .flatMap((line) => {
      const anchor = HEADING_ANCHOR.exec(line)?.[1];
      return anchor ? [anchor] : [];
    });
}
