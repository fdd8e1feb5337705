import { Button, Group, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_TEXT_MAX_LENGTH } from '../../../../shared/search';

// Keyed by the query in the address bar, so Back/Forward refill the box.
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation('agreements');
  const [text, setText] = useState(value);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onSearch(text);
  };
  return (
    <form role="search" onSubmit={submit}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('list.searchLabel')}
          placeholder={t('list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          maxLength={SEARCH_TEXT_MAX_LENGTH}
          onChange={(event) => setText(event.currentTarget.value)}
          type="search"
        />
        <Button type="submit">{t('list.searchButton')}</Button>
      </Group>
    </form>
  );
}
