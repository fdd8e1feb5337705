import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { config as configureZod } from 'zod';
import zodEnglish from 'zod/v4/locales/en.js';
import zodIndonesian from 'zod/v4/locales/id.js';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'jalin.language';

type Messages = Record<string, unknown>;

// Each feature keeps its own locales/{id,en}.json and gets a namespace named after its folder,
// so translations of different screens never share a file.
const featureFiles = import.meta.glob<Messages>('../features/*/locales/*.json', { eager: true, import: 'default' });
const commonFiles = import.meta.glob<Messages>('./locales/*.json', { eager: true, import: 'default' });

function buildResources(): Resource {
  const resources: Resource = { id: {}, en: {} };
  const add = (language: string, namespace: string, messages: Messages) => {
    const bundle = resources[language];
    if (bundle) bundle[namespace] = messages;
  };
  for (const [file, messages] of Object.entries(commonFiles)) {
    const match = /\/(\w+)\.json$/.exec(file);
    if (match?.[1]) add(match[1], 'common', messages);
  }
  for (const [file, messages] of Object.entries(featureFiles)) {
    const match = /features\/([\w-]+)\/locales\/(\w+)\.json$/.exec(file);
    if (match?.[1] && match[2]) add(match[2], match[1], messages);
  }
  return resources;
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'id';
}

export async function setupI18n(): Promise<typeof i18next> {
  const resources = buildResources();
  await i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage(),
    fallbackLng: 'id',
    ns: ['common', ...Object.keys(resources.id ?? {}).filter((namespace) => namespace !== 'common')],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Screen readers, the spell checker and the form validator's own messages follow the language.
  const follow = (language: string) => {
    document.documentElement.lang = language;
    configureZod(language === 'en' ? zodEnglish() : zodIndonesian());
  };
  follow(i18next.language);
  i18next.on('languageChanged', follow);
  return i18next;
}
