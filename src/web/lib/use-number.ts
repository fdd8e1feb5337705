import { useTranslation } from 'react-i18next';
import { formatNumber } from './format';

// Numbers in the interface language, for screens that show many (imports, statistics).
export function useNumber(): (value: number) => string {
  const { i18n } = useTranslation();
  return (value) => formatNumber(value, i18n.language);
}
