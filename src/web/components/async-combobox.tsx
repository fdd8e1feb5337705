import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import type { ReactNode } from 'react';

export type ComboOption = { value: string; label: string; description?: string };

type Props = {
  label: string;
  placeholder?: string;
  description?: ReactNode;
  error?: ReactNode;
  search: string;
  onSearchChange: (search: string) => void;
  options: ComboOption[];
  isLoading: boolean;
  emptyText: string;
  onPick: (option: ComboOption) => void;
  leftSection?: ReactNode;
};

// A text box that searches on the server while typing and offers the matches to pick from.
export function AsyncCombobox(props: Props) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const pick = (value: string) => {
    const option = props.options.find((candidate) => candidate.value === value);
    if (option) props.onPick(option);
    combobox.closeDropdown();
  };
  return (
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal>
      <Combobox.Target>
        <TextInput
          label={props.label}
          placeholder={props.placeholder}
          description={props.description}
          error={props.error}
          value={props.search}
          leftSection={props.leftSection}
          rightSection={props.isLoading ? <Loader size={16} /> : null}
          onChange={(event) => {
            props.onSearchChange(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          autoComplete="off"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={props.search.trim() === ''}>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
          {props.options.length === 0 ? (
            <Combobox.Empty>{props.isLoading ? '…' : props.emptyText}</Combobox.Empty>
          ) : (
            props.options.map((option) => (
              <Combobox.Option value={option.value} key={option.value}>
                <Group gap={6} wrap="nowrap" justify="space-between">
                  <Text fz="sm">{option.label}</Text>
                  {option.description ? (
                    <Text fz="xs" c="dimmed" ta="right">
                      {option.description}
                    </Text>
                  ) : null}
                </Group>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
