import type { CooperationKind, DocType, EndReason, KsddMode } from '../../shared/agreement-codes';
import type { DemoPartnerKey } from './demo-partners';

// One demo agreement, written the way the division would describe it; demo-rows.ts turns it into
// an import row (the same 15 columns as any register file) and demo-documents.ts into a PDF.
export type DemoAgreement = {
  key: string;
  doc: DocType;
  kind: CooperationKind;
  ksdd?: KsddMode;
  // For KB, NK and PKS the words after "… tentang"; an adendum's title is given whole.
  about: string;
  partners: DemoPartnerKey[];
  // Sector codes; the first is the primary sector.
  sectors: string[];
  // OPD short names (as in the seeded list); the first leads.
  units: string[];
  signed: string;
  // Term in years from the signing date, unless an end date is given.
  years?: number;
  ends?: string;
  scope: string;
  parent?: string;
  value?: string;
  longTermReason?: string;
  // Extra paragraphs for the PDF: what the agreement opens for citizens and OPDs.
  notes?: string[];
  endedEarly?: { on: string; reason: EndReason; note: string };
};
