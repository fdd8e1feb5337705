import type { PublicAgreement } from '../../shared/public';
import { agreementSlug } from '../../shared/slug';

export type FeedEntry = { id: string; title: string; path: string; updated: string; summary: string };

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function agreementEntry(item: PublicAgreement): FeedEntry {
  const partners = item.partnerNames.length > 0 ? ` dengan ${item.partnerNames.join(', ')}` : '';
  return {
    id: `urn:uuid:${item.id}`,
    title: item.title,
    path: `/kerja-sama/${agreementSlug(item.id, item.title)}`,
    updated: `${item.signedOn ?? item.startsOn ?? '1970-01-01'}T00:00:00+09:00`,
    summary: `${item.docType}${partners}. ${item.scope ?? ''}`.trim(),
  };
}

// Atom (RFC 4287): new publications, newest first.
export function atomFeed(entries: FeedEntry[], publicUrl: string): string {
  const sorted = [...entries].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
  const updated = sorted[0]?.updated ?? '1970-01-01T00:00:00Z';
  const body = sorted
    .map(
      (entry) => `  <entry>
    <id>${xml(entry.id)}</id>
    <title>${xml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(publicUrl + entry.path)}"/>
    <updated>${xml(entry.updated)}</updated>
    <summary>${xml(entry.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
  <id>${xml(`${publicUrl}/`)}</id>
  <title>Publikasi kerja sama Kota Ternate</title>
  <subtitle>Naskah kerja sama dan paket diseminasi yang baru dipublikasikan</subtitle>
  <link rel="self" type="application/atom+xml" href="${xml(`${publicUrl}/feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${publicUrl}/`)}"/>
  <author><name>Bagian Kerja Sama Setda Kota Ternate</name></author>
  <updated>${xml(updated)}</updated>
${body}
</feed>
`;
}

export function sitemap(paths: string[], publicUrl: string): string {
  const urls = paths.map((path) => `  <url><loc>${xml(publicUrl + path)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls}
</urlset>
`;
}

export function robots(publicUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /app/\nDisallow: /api/\nDisallow: /usulan/konfirmasi\nDisallow: /usulan/lacak\nSitemap: ${publicUrl}/sitemap.xml\n`;
}
