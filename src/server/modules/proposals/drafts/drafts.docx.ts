import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { fillPlaceholders, type DraftPlaceholder, type DraftTemplateSection } from '../../../../shared/proposal-signing';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// An editable Word document: the title centred, each section a heading with its paragraphs, so
// that the parties can rework the wording in any word processor before it is signed.
export async function renderDraftDocx(options: {
  title: string;
  sections: DraftTemplateSection[];
  values: Record<DraftPlaceholder, string>;
  description: string;
}): Promise<Buffer> {
  const fill = (text: string) => fillPlaceholders(text, options.values);
  const title = fill(options.title);
  const paragraphs = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(title)] }),
    ...options.sections.flatMap((section) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240 }, children: [new TextRun(fill(section.heading))] }),
      // Each line of the body is its own paragraph; a filled placeholder may itself hold several lines.
      ...fill(section.body)
        .split(/\r?\n/)
        .map((line) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(line)] })),
    ]),
  ];
  const document = new Document({
    creator: 'Jalin — Bagian Kerja Sama Kota Ternate',
    title,
    description: options.description,
    styles: { default: { document: { run: { font: 'Arial', size: 24 } } } },
    sections: [{ children: paragraphs }],
  });
  return Packer.toBuffer(document);
}
