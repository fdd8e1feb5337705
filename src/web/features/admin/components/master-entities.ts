import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  PartnerCategoryInputSchema,
  PartnerCategoryUpdateSchema,
  PartnerGroupInputSchema,
  PartnerGroupUpdateSchema,
  SectorInputSchema,
  SectorUpdateSchema,
  UnitInputSchema,
  UnitUpdateSchema,
  type MasterData,
} from '../../../../shared/master';

export type MasterEntityId = 'units' | 'sectors' | 'groups' | 'categories';
export const MASTER_ENTITY_IDS: readonly MasterEntityId[] = ['units', 'sectors', 'groups', 'categories'];

export type FieldValue = string | number | null;
export type FieldSpec = { name: string; kind: 'text' | 'code' | 'number' | 'select'; isRequired: boolean; isCreateOnly?: boolean; options?: { value: string; label: string }[] };

// One master-data row as the generic table and form see it.
export type MasterRow = { key: string; version: number; isActive: boolean | null; values: Record<string, FieldValue>; display: Record<string, string> };

export type MasterEntity = {
  id: MasterEntityId;
  fields: FieldSpec[];
  columns: string[];
  createSchema: z.ZodType;
  updateSchema: z.ZodType;
  createPath: string;
  updatePath: (row: MasterRow) => string;
  rows: MasterRow[];
  // Only OPDs and sectors have an active flag; groups and categories are kept whole for the statistics.
  hasActive: boolean;
};

const order: FieldSpec = { name: 'sortOrder', kind: 'number', isRequired: false };
const code: FieldSpec = { name: 'code', kind: 'code', isRequired: true, isCreateOnly: true };
const name: FieldSpec = { name: 'name', kind: 'text', isRequired: true };
const path = (base: string) => (row: MasterRow) => `${base}/${encodeURIComponent(row.key)}`;

function units(data: MasterData | undefined): MasterEntity {
  return {
    id: 'units',
    fields: [name, { name: 'shortName', kind: 'text', isRequired: false }],
    columns: ['name', 'shortName'],
    createSchema: UnitInputSchema,
    updateSchema: UnitUpdateSchema,
    createPath: '/units',
    updatePath: path('/units'),
    hasActive: true,
    rows: (data?.units ?? []).map((unit) => ({
      key: unit.id,
      version: unit.version,
      isActive: unit.isActive,
      values: { name: unit.name, shortName: unit.shortName },
      display: { name: unit.name, shortName: unit.shortName ?? '—' },
    })),
  };
}

function sectors(data: MasterData | undefined): MasterEntity {
  return {
    id: 'sectors',
    fields: [code, name, order],
    columns: ['sortOrder', 'code', 'name'],
    createSchema: SectorInputSchema,
    updateSchema: SectorUpdateSchema,
    createPath: '/sectors',
    updatePath: path('/sectors'),
    hasActive: true,
    rows: (data?.sectors ?? []).map((sector) => ({
      key: sector.code,
      version: sector.version,
      isActive: sector.isActive,
      values: { code: sector.code, name: sector.name, sortOrder: sector.sortOrder },
      display: { code: sector.code, name: sector.name, sortOrder: String(sector.sortOrder) },
    })),
  };
}

function groups(data: MasterData | undefined): MasterEntity {
  return {
    id: 'groups',
    fields: [code, name, order],
    columns: ['sortOrder', 'code', 'name'],
    createSchema: PartnerGroupInputSchema,
    updateSchema: PartnerGroupUpdateSchema,
    createPath: '/partner-groups',
    updatePath: path('/partner-groups'),
    hasActive: false,
    rows: (data?.partnerGroups ?? []).map((group) => ({
      key: group.code,
      version: group.version,
      isActive: null,
      values: { code: group.code, name: group.name, sortOrder: group.sortOrder },
      display: { code: group.code, name: group.name, sortOrder: String(group.sortOrder) },
    })),
  };
}

function categories(data: MasterData | undefined): MasterEntity {
  const groupOptions = (data?.partnerGroups ?? []).map((group) => ({ value: group.code, label: group.name }));
  const groupName = (groupCode: string) => groupOptions.find((option) => option.value === groupCode)?.label ?? groupCode;
  return {
    id: 'categories',
    fields: [code, name, { name: 'groupCode', kind: 'select', isRequired: true, options: groupOptions }, order],
    columns: ['sortOrder', 'code', 'name', 'groupCode'],
    createSchema: PartnerCategoryInputSchema,
    updateSchema: PartnerCategoryUpdateSchema,
    createPath: '/partner-categories',
    updatePath: path('/partner-categories'),
    hasActive: false,
    rows: (data?.partnerCategories ?? []).map((category) => ({
      key: category.code,
      version: category.version,
      isActive: null,
      values: { code: category.code, name: category.name, groupCode: category.groupCode, sortOrder: category.sortOrder },
      display: { code: category.code, name: category.name, groupCode: groupName(category.groupCode), sortOrder: String(category.sortOrder) },
    })),
  };
}

export function masterEntity(id: MasterEntityId, data: MasterData | undefined): MasterEntity {
  switch (id) {
    case 'units':
      return units(data);
    case 'sectors':
      return sectors(data);
    case 'groups':
      return groups(data);
    case 'categories':
      return categories(data);
  }
}

// The request body of a save: empty optional text is null (shortName) or left out; numbers are numbers.
export function bodyOf(entity: MasterEntity, values: Record<string, FieldValue>, row: MasterRow | null): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of entity.fields) {
    if (row && field.isCreateOnly) continue;
    const value = values[field.name] ?? null;
    const text = typeof value === 'string' ? value.trim() : value;
    if (text === '' || text === null) {
      if (field.name === 'shortName') body[field.name] = null;
      else if (field.isRequired) body[field.name] = '';
      continue;
    }
    body[field.name] = field.kind === 'number' ? Number(text) : text;
  }
  if (row) body.version = row.version;
  return body;
}

export function useFieldLabel(id: MasterEntityId) {
  const { t } = useTranslation('admin');
  return (field: string) => t(`master.fields.${field}`, { context: id });
}
