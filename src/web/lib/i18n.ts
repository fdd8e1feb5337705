import i18next, { type BackendModule, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'jalin.language';

type Messages = Record<string, unknown>;

// Only what the sign-in page shows is in the first download; every other namespace comes with the
// signed-in shell (loadAppTranslations), in one chunk.
const startFiles = import.meta.glob<Messages>(['./locales/*.json', '../features/auth/locales/*.json'], { eager: true, import: 'default' });

function startResources(): Resource {
  const resources: Resource = { id: {}, en: {} };
  for (const [file, messages] of Object.entries(startFiles)) {
    const match = /(?:features\/([\w-]+)\/)?locales\/(\w+)\.json$/.exec(file);
    const bundle = match?.[2] ? resources[match[2]] : undefined;
    if (match && bundle) bundle[match[1] ?? 'common'] = messages;
  }
  return resources;
}

let appTranslations: Promise<void> | null = null;

// Adds every feature's translations (both languages) and the validator's messages; the router
// waits for it before it shows the signed-in shell, so no screen ever renders a bare key.
export function loadAppTranslations(): Promise<void> {
  appTranslations ??= import('./app-translations').then(({ featureResources, configureValidator }) => {
    for (const [language, namespaces] of Object.entries(featureResources())) {
      for (const [namespace, messages] of Object.entries(namespaces)) i18next.addResourceBundle(language, namespace, messages, true, false);
    }
    const follow = (language: string) => configureValidator(language === 'en' ? 'en' : 'id');
    follow(i18next.language);
    i18next.on('languageChanged', follow);
  });
  return appTranslations;
}

// A screen outside the shell that asks for a feature's namespace still gets it (react-i18next
// suspends until it is there).
const lazyNamespaces: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, callback) => {
    loadAppTranslations().then(
      () => callback(null, (i18next.getResourceBundle(language, namespace) as Messages | undefined) ?? {}),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

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
  await i18next.use(lazyNamespaces).use(initReactI18next).init({
    resources: startResources(),
    // Namespaces missing from `resources` are asked of the backend above.
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: 'id',
    ns: ['common', 'auth'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Screen readers and the spell checker follow the language.
  const follow = (language: string) => {
    document.documentElement.lang = language;
  };
  follow(i18next.language);
  i18next.on('languageChanged', follow);
  return i18next;
}
