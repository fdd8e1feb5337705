import type { CooperationKind } from '../../../../shared/agreement-codes';
import type { CreateProposalInput, ProposalView, UpdateProposalInput } from '../../../../shared/proposals';
import type { SchemaForm } from '../../../lib/use-schema-form';

// What the form holds: text as typed, numbers as the input gives them.
export type ProposalFormValues = {
  kind: CooperationKind;
  title: string;
  unitId: string | null;
  plannedPartners: { name: string; categoryCode: string | null }[];
  sectorCodes: string[];
  latarBelakang: string;
  maksudTujuan: string;
  lokasi: string;
  ruangLingkup: string;
  peranParaPihak: string;
  jangkaWaktuBulan: number | string;
  jangkaWaktuAlasan: string;
  manfaat: string;
  dampakSosial: string;
  dampakEkonomi: string;
  dampakLingkungan: string;
  pembiayaan: string;
  burdensPublic: boolean;
  unbudgetedInApbd: boolean;
};

// The same form creates (body CreateProposalInput) and edits (UpdateProposalInput) a proposal.
export type ProposalSchemaForm = SchemaForm<ProposalFormValues, CreateProposalInput | UpdateProposalInput>;

export const OPTIONAL_TEXT_FIELDS = ['lokasi', 'peranParaPihak', 'jangkaWaktuAlasan', 'dampakSosial', 'dampakEkonomi', 'dampakLingkungan', 'pembiayaan'] as const;

export function emptyProposalValues(unitId: string | null): ProposalFormValues {
  return {
    kind: 'KSDPK',
    title: '',
    unitId,
    plannedPartners: [{ name: '', categoryCode: null }],
    sectorCodes: [],
    latarBelakang: '',
    maksudTujuan: '',
    lokasi: '',
    ruangLingkup: '',
    peranParaPihak: '',
    jangkaWaktuBulan: '',
    jangkaWaktuAlasan: '',
    manfaat: '',
    dampakSosial: '',
    dampakEkonomi: '',
    dampakLingkungan: '',
    pembiayaan: '',
    burdensPublic: false,
    unbudgetedInApbd: false,
  };
}

// Empty optional texts are sent as null, so the server stores "not given" rather than "".
export function bodyFromProposalValues(values: ProposalFormValues): CreateProposalInput {
  const optional = Object.fromEntries(OPTIONAL_TEXT_FIELDS.map((field) => [field, values[field].trim() === '' ? null : values[field]]));
  const months = typeof values.jangkaWaktuBulan === 'number' ? values.jangkaWaktuBulan : null;
  return {
    kind: values.kind,
    title: values.title,
    initiatorType: 'opd',
    unitId: values.unitId,
    plannedPartners: values.plannedPartners.map((partner) => ({ name: partner.name, categoryCode: partner.categoryCode ?? '' })),
    sectorCodes: values.sectorCodes,
    latarBelakang: values.latarBelakang,
    maksudTujuan: values.maksudTujuan,
    ruangLingkup: values.ruangLingkup,
    manfaat: values.manfaat,
    jangkaWaktuBulan: months,
    burdensPublic: values.burdensPublic,
    unbudgetedInApbd: values.unbudgetedInApbd,
    ...optional,
  };
}

// The form filled with what the proposal holds now; "not given" shows as an empty input.
export function proposalValuesFromView(view: ProposalView): ProposalFormValues {
  const optional = Object.fromEntries(OPTIONAL_TEXT_FIELDS.map((field) => [field, view[field] ?? ''])) as Pick<ProposalFormValues, (typeof OPTIONAL_TEXT_FIELDS)[number]>;
  return {
    kind: view.kind,
    title: view.title,
    unitId: view.unit?.id ?? null,
    plannedPartners: view.plannedPartners.map((partner) => ({ name: partner.name, categoryCode: partner.categoryCode })),
    sectorCodes: [...view.sectorCodes],
    latarBelakang: view.latarBelakang,
    maksudTujuan: view.maksudTujuan,
    ruangLingkup: view.ruangLingkup,
    manfaat: view.manfaat,
    jangkaWaktuBulan: view.jangkaWaktuBulan ?? '',
    burdensPublic: view.burdensPublic,
    unbudgetedInApbd: view.unbudgetedInApbd,
    ...optional,
  };
}

// An edit carries the preparation fields and the version it started from; who initiated it does not change.
export function patchFromProposalValues(values: ProposalFormValues, version: number): UpdateProposalInput {
  const { initiatorType: _initiatorType, unitId: _unitId, ...fields } = bodyFromProposalValues(values);
  return { ...fields, version };
}
