import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Layout, type PageMeta, type Site } from './views/layout';

// Plain HTML: no hydration markers, no client framework.
export function renderPage(meta: PageMeta, site: Site, content: ReactElement): string {
  return `<!doctype html>${renderToStaticMarkup(
    <Layout meta={meta} site={site}>
      {content}
    </Layout>,
  )}`;
}
