import type { CooperationKind, DocType, KsddMode } from '../../../../shared/agreement-codes';
import type { z } from 'zod';
import type { AgreementLink, AgreementView, CreateAgreementInput, CreateAgreementSchema } from '../../../../shared/agreements';
import type { SchemaForm } from '../../../lib/use-schema-form';

// Not yet checked: the shared schema turns it into a CreateAgreementInput or names what is wrong.
export type AgreementFormBody = { [K in keyof CreateAgreementInput]-?: unknown };

export type AgreementFormOutput = z.output<typeof CreateAgreementSchema>;

// One partner line in the form: an existing partner (id) or a new one typed by the user.
export type PartnerEntry = { key: string; id: string | null; name: string; categoryCode: string | null };

export type AgreementFormValues = {
  docType: DocType | null;
  kind: CooperationKind | null;
  ksddMode: KsddMode | null;
  title: string;
  numberOurs: string;
  numberPartner: string;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  scope: string;
  purpose: string;
  valueIdr: string;
  parent: AgreementLink | null;
  partners: PartnerEntry[];
  leadUnitId: string | null;
  supportingUnitIds: string[];
  primarySectorCode: string | null;
  otherSectorCodes: string[];
  isDraft: boolean;
  isPublic: boolean;
  longTermReason: string;
  noParentReason: string;
};

export type AgreementSchemaForm = SchemaForm<AgreementFormValues, AgreementFormOutput>;

export function emptyFormValues(): AgreementFormValues {
  return {
    docType: null,
    kind: null,
    ksddMode: null,
    title: '',
    numberOurs: '',
    numberPartner: '',
    signedOn: '',
    startsOn: '',
    endsOn: '',
    scope: '',
    purpose: '',
    valueIdr: '',
    parent: null,
    partners: [],
    leadUnitId: null,
    supportingUnitIds: [],
    primarySectorCode: null,
    otherSectorCodes: [],
    isDraft: false,
    // Off until a person chooses; the portal also waits for the signed document.
    isPublic: false,
    longTermReason: '',
    noParentReason: '',
  };
}

export function formValuesFromView(view: AgreementView): AgreementFormValues {
  return {
    docType: view.docType,
    kind: view.kind,
    ksddMode: view.ksddMode,
    title: view.title,
    numberOurs: view.numberOurs ?? '',
    numberPartner: view.numberPartner ?? '',
    signedOn: view.signedOn ?? '',
    startsOn: view.startsOn ?? '',
    endsOn: view.endsOn ?? '',
    scope: view.scope ?? '',
    purpose: view.purpose ?? '',
    valueIdr: view.valueIdr ?? '',
    parent: view.parent,
    partners: view.partners.map((partner) => ({ key: partner.id, id: partner.id, name: partner.name, categoryCode: partner.categoryCode })),
    leadUnitId: view.units.find((unit) => unit.isLead)?.id ?? null,
    supportingUnitIds: view.units.filter((unit) => !unit.isLead).map((unit) => unit.id),
    primarySectorCode: view.primarySectorCode,
    otherSectorCodes: view.otherSectorCodes,
    isDraft: view.isDraft,
    isPublic: view.isPublic,
    longTermReason: view.longTermReason ?? '',
    noParentReason: view.noParentReason ?? '',
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

// The body the API expects; the shared schema then checks it exactly as the server will.
export function bodyFromFormValues(values: AgreementFormValues): AgreementFormBody {
  return {
    docType: values.docType,
    kind: values.kind,
    ksddMode: values.kind === 'KSDD' ? values.ksddMode : null,
    title: values.title,
    numberOurs: orNull(values.numberOurs),
    numberPartner: orNull(values.numberPartner),
    signedOn: orNull(values.signedOn),
    startsOn: orNull(values.startsOn),
    endsOn: orNull(values.endsOn),
    scope: orNull(values.scope),
    purpose: orNull(values.purpose),
    valueIdr: orNull(values.valueIdr.replace(/[.\s]/g, '')),
    parentId: values.parent?.id ?? null,
    partners: values.partners.map((partner) => (partner.id ? { id: partner.id } : { name: partner.name, categoryCode: partner.categoryCode })),
    leadUnitId: values.leadUnitId,
    supportingUnitIds: values.supportingUnitIds.filter((id) => id !== values.leadUnitId),
    primarySectorCode: values.primarySectorCode,
    otherSectorCodes: values.otherSectorCodes.filter((code) => code !== values.primarySectorCode),
    isDraft: values.isDraft,
    isPublic: values.isPublic,
    longTermReason: orNull(values.longTermReason),
    // Only a PKS without a parent has a reason for it.
    noParentReason: values.docType === 'PKS' && !values.parent ? orNull(values.noParentReason) : null,
  };
}
