import type { Resource } from 'i18next';
import { config as configureZod } from 'zod';
import zodEnglish from 'zod/v4/locales/en.js';
import zodIndonesian from 'zod/v4/locales/id.js';

// Every screen's translations and the form validator's messages, in one chunk that the signed-in
// shell loads: the sign-in page needs only the common and auth texts (i18n.ts).

type Messages = Record<string, unknown>;

// Each feature keeps its own locales/{id,en}.json and gets a namespace named after its folder,
// so translations of different screens never share a file.
const featureFiles = import.meta.glob<Messages>('../features/*/locales/*.json', { eager: true, import: 'default' });

export function featureResources(): Resource {
  const resources: Resource = { id: {}, en: {} };
  for (const [file, messages] of Object.entries(featureFiles)) {
    const match = /features\/([\w-]+)\/locales\/(\w+)\.json$/.exec(file);
    const bundle = match?.[2] ? resources[match[2]] : undefined;
    if (match?.[1] && bundle) bundle[match[1]] = messages;
  }
  return resources;
}

const zodLocales = { en: zodEnglish, id: zodIndonesian } as const;

// The validator is configured here, not in i18n.ts, so that zod stays out of the sign-in page's
// scripts: nothing there validates on the client.
export function configureValidator(language: keyof typeof zodLocales): void {
  configureZod(zodLocales[language]());
}
