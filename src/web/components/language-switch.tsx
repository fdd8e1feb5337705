import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rememberLanguage, type Language } from '../lib/i18n';

// The choice is remembered in this browser; Indonesian is the default.
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const change = (value: string) => {
    const language: Language = value === 'en' ? 'en' : 'id';
    rememberLanguage(language);
    void i18n.changeLanguage(language);
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'id'}
      onChange={change}
      data={[
        { value: 'id', label: <span title={t('language.id')}>ID</span> },
        { value: 'en', label: <span title={t('language.en')}>EN</span> },
      ]}
    />
  );
}
