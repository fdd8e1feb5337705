import type { ReactNode } from 'react';

export type PageMeta = {
  title: string;
  description: string;
  // Path of this page on the site, used for the canonical link and Open Graph.
  path: string;
  noindex?: boolean;
  scripts?: string[];
  // Machine-readable versions of the page (the open data catalogue on /data).
  alternates?: { type: string; title: string; href: string }[];
};

export type Site = { publicUrl: string; asset: (name: string) => string };

const NAV = [
  { href: '/', label: 'Beranda' },
  { href: '/kerja-sama', label: 'Kerja sama' },
  { href: '/peluang', label: 'Peluang' },
  { href: '/usulan', label: 'Usulkan kerja sama' },
  { href: '/data', label: 'Data terbuka' },
];

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

export function Layout({ meta, site, children }: { meta: PageMeta; site: Site; children: ReactNode }) {
  const canonical = `${site.publicUrl}${meta.path}`;
  const fullTitle = meta.path === '/' ? meta.title : `${meta.title} · Kerja Sama Kota Ternate`;
  return (
    <html lang="id">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={canonical} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <meta property="og:type" content="website" />
        <meta property="og:locale" content="id_ID" />
        <meta property="og:site_name" content="Kerja Sama Kota Ternate" />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={canonical} />
        <meta name="theme-color" content="#0b5c7a" />
        <link rel="icon" href="data:," />
        <link rel="alternate" type="application/atom+xml" title="Publikasi kerja sama terbaru" href="/feed.xml" />
        {(meta.alternates ?? []).map((link) => (
          <link key={link.href} rel="alternate" type={link.type} title={link.title} href={link.href} />
        ))}
        <link rel="stylesheet" href={site.asset('portal.css')} />
      </head>
      <body>
        <a className="skip" href="#isi">
          Langsung ke isi
        </a>
        <header className="site">
          <div className="wrap">
            <a className="brand" href="/">
              Kerja Sama Kota Ternate
              <small>Bagian Kerja Sama, Sekretariat Daerah</small>
            </a>
            <nav className="main" aria-label="Menu utama">
              <ul>
                {NAV.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={isCurrent(item.href, meta.path) ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="isi" tabIndex={-1}>
          {children}
        </main>
        <footer className="site">
          <div className="wrap">
            <p>Portal publik kerja sama daerah Pemerintah Kota Ternate. Halaman ini tidak memuat data pribadi dan tidak memakai pelacak pihak ketiga.</p>
            <ul>
              <li><a href="/feed.xml">Umpan publikasi (Atom)</a></li>
              <li><a href="/data">Data terbuka</a></li>
              <li><a href="/usulan/panduan/KSDPK">Alur dan tata cara</a></li>
              <li><a href="/app/">Masuk (petugas)</a></li>
            </ul>
          </div>
        </footer>
        {(meta.scripts ?? []).map((name) => (
          <script key={name} src={site.asset(name)} defer />
        ))}
      </body>
    </html>
  );
}
