import type { Ctx } from '../lib/context';
import { DATASETS, type DatasetSpec } from './open-data-datasets';
import type { OpenDataset } from './open-data-stats';
import type { Site } from './views/layout';

// The catalogue of the open datasets in the Project Open Data (DCAT-US 1.1) data.json shape, which
// CKAN portals harvest (ckanext-dcat's data.json harvester; Indonesia's Satu Data portals run CKAN).
// No setting names the publisher or a contact yet, so both are the office the portal already names.
const POD_SCHEMA = 'https://project-open-data.cio.gov/v1.1/schema';
export const CATALOG_PATH = '/data/catalog.json';
const PUBLISHER = 'Bagian Kerja Sama, Sekretariat Daerah Kota Ternate';
const LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

export const DISTRIBUTION_FORMATS = [
  { extension: 'csv', format: 'CSV', mediaType: 'text/csv' },
  { extension: 'json', format: 'JSON', mediaType: 'application/json' },
] as const;

function entryOf(spec: DatasetSpec, data: OpenDataset, site: Site, now: Date) {
  return {
    '@type': 'dcat:Dataset',
    identifier: `${site.publicUrl}/data/${spec.slug}`,
    title: spec.title,
    description: spec.description,
    keyword: spec.keyword,
    // The newest change of the rows behind the dataset; "now" only for a register with no data yet.
    modified: (data.modified ?? now).toISOString(),
    publisher: { '@type': 'org:Organization', name: PUBLISHER, subOrganizationOf: { '@type': 'org:Organization', name: 'Pemerintah Kota Ternate' } },
    contactPoint: { '@type': 'vcard:Contact', fn: PUBLISHER },
    accessLevel: 'public',
    license: LICENSE,
    spatial: 'Kota Ternate',
    ...(data.years ? { temporal: `${String(data.years.from)}-01-01/${String(data.years.to)}-12-31` } : {}),
    language: ['id'],
    landingPage: `${site.publicUrl}/data`,
    distribution: DISTRIBUTION_FORMATS.map((item) => ({
      '@type': 'dcat:Distribution',
      title: `${spec.title} (${item.format})`,
      downloadURL: `${site.publicUrl}/data/${spec.slug}.${item.extension}`,
      mediaType: item.mediaType,
      format: item.format,
    })),
  };
}

export async function buildCatalog(ctx: Ctx, site: Site) {
  const loaded = await Promise.all(DATASETS.map((spec) => spec.load(ctx, site)));
  return {
    '@context': `${POD_SCHEMA}/catalog.jsonld`,
    '@id': `${site.publicUrl}${CATALOG_PATH}`,
    '@type': 'dcat:Catalog',
    conformsTo: POD_SCHEMA,
    describedBy: `${POD_SCHEMA}/catalog.json`,
    dataset: DATASETS.map((spec, index) => entryOf(spec, loaded[index] ?? { rows: [], modified: null, years: null }, site, ctx.now)),
  };
}
