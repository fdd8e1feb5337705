import { useTranslation } from 'react-i18next';

// Thousands grouped as the reader expects: 20.000 in Indonesian, 20,000 in English.
export function useNumber(): (value: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language.startsWith('en') ? 'en-GB' : 'id-ID';
  return (value) => value.toLocaleString(locale);
}
