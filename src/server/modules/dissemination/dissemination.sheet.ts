import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { OpportunityView } from '../../../shared/dissemination';
import { agreementSlug } from '../../../shared/slug';
import { localDate, type ActorCtx } from '../../lib/context';
import { forbidden, notFound } from '../../lib/errors';
import { winAnsi, wrapText } from '../../lib/pdf-text';
import { loadReadableAgreement } from '../agreements/agreements.service';
import { canReadPackage, hidesRefusedPackage } from './dissemination.policy';
import * as repo from './dissemination.repository';

// The printable dissemination sheet: one or two A4 pages an OPD can pin up or hand out, with a QR
// code to the agreement's public page. Standard fonts only, so the text stays in WinAnsi.

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const MAX_PAGES = 2;
const QR_SIZE = 86;

const TYPE_LABEL: Record<OpportunityView['type'], string> = {
  beasiswa: 'Beasiswa',
  pembiayaan: 'Pembiayaan',
  pelatihan: 'Pelatihan',
  layanan: 'Layanan',
  lainnya: 'Lainnya',
};

// A day ('2026-12-05') as it is, an instant ('2026-12-04T15:05:00Z') as the day it is in Ternate
// (WIT), as the app shows it.
function formatDate(iso: string | null): string {
  if (!iso) return '-';
  const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
  const day10 = iso.length > 10 ? localDate(new Date(iso)) : iso;
  const [year, month, day] = day10.split('-').map(Number);
  return `${day ?? ''} ${months[(month ?? 1) - 1] ?? ''} ${year ?? ''}`;
}

class Writer {
  private page: PDFPage;
  private y: number;
  full = false;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.page = pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }
  get current() {
    return { page: this.page, y: this.y };
  }
  moveTo(y: number) {
    this.y = y;
  }
  private room(height: number): boolean {
    if (this.y - height >= PAGE.margin) return true;
    if (this.pdf.getPageCount() >= MAX_PAGES) {
      this.full = true;
      return false;
    }
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
    return true;
  }
  text(text: string, options: { size?: number; bold?: boolean; indent?: number; centred?: boolean; width?: number; gapAfter?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const indent = options.indent ?? 0;
    const width = options.width ?? PAGE.width - 2 * PAGE.margin - indent;
    for (const line of wrapText(text, { font, size, width })) {
      if (this.full || !this.room(size * 1.4)) return;
      const x = options.centred ? (PAGE.width - font.widthOfTextAtSize(line, size)) / 2 : PAGE.margin + indent;
      this.page.drawText(line, { x, y: this.y - size, size, font });
      this.y -= size * 1.4;
    }
    this.y -= options.gapAfter ?? 0;
  }
  gap(height: number) {
    this.y -= height;
  }
  rule() {
    if (this.full) return;
    this.page.drawLine({ start: { x: PAGE.margin, y: this.y }, end: { x: PAGE.width - PAGE.margin, y: this.y }, thickness: 1.2, color: rgb(0, 0, 0) });
    this.y -= 8;
  }
}

// A QR code drawn as vector squares: sharp at any print size, no image to embed.
function drawQr(page: PDFPage, url: string, x: number, y: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = QR_SIZE / count;
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (qr.modules.get(row, column)) {
        page.drawRectangle({ x: x + column * cell, y: y + QR_SIZE - (row + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
      }
    }
  }
}

export function publicPageUrl(publicUrl: string, { agreementId, title }: { agreementId: string; title: string }): string {
  return `${publicUrl.replace(/\/+$/, '')}/kerja-sama/${agreementSlug(agreementId, title)}`;
}

export async function renderSheet(pkg: repo.PackageProgress, options: { publicUrl: string; now: Date }): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(`Lembar diseminasi: ${pkg.agreementTitle}`));
  pdf.setCreator('Jalin');
  pdf.setCreationDate(options.now);
  pdf.setModificationDate(options.now);
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const out = new Writer(pdf, fonts);
  const url = publicPageUrl(options.publicUrl, { agreementId: pkg.agreementId, title: pkg.agreementTitle });

  out.text('PEMERINTAH KOTA TERNATE', { size: 13, bold: true, centred: true });
  out.text('SEKRETARIAT DAERAH', { size: 12, bold: true, centred: true });
  out.text('BAGIAN KERJA SAMA', { size: 12, bold: true, centred: true, gapAfter: 4 });
  out.rule();
  out.text('LEMBAR DISEMINASI KERJA SAMA', { size: 11, bold: true, centred: true, gapAfter: 6 });

  // The title sits beside the QR code, which links to the public page.
  const { page, y } = out.current;
  drawQr(page, url, PAGE.width - PAGE.margin - QR_SIZE, y - QR_SIZE);
  const textWidth = PAGE.width - 2 * PAGE.margin - QR_SIZE - 16;
  out.text(pkg.agreementTitle, { size: 12, bold: true, width: textWidth, gapAfter: 4 });
  if (pkg.publishedAt) out.text(`Diterbitkan ${formatDate(pkg.publishedAt)}${pkg.approvedByName ? ` oleh ${pkg.approvedByName}` : ''}`, { size: 9, width: textWidth });
  out.text(`Laman publik: ${url}`, { size: 8, width: textWidth });
  out.moveTo(Math.min(out.current.y, y - QR_SIZE - 10));

  out.text('Ringkasan', { size: 11, bold: true, gapAfter: 2 });
  const summary: [string, string | null][] = [
    ['Apa', pkg.summaryWhat],
    ['Dengan siapa', pkg.summaryWithWhom],
    ['Sampai kapan', pkg.summaryUntil],
    ['Mengapa penting', pkg.summaryWhy],
  ];
  for (const [label, value] of summary) {
    if (!value) continue;
    out.text(`${label}:`, { bold: true, size: 10 });
    out.text(value, { indent: 12, gapAfter: 3 });
  }

  if (pkg.tasks.length > 0) {
    out.gap(4);
    out.text('Tugas perangkat daerah', { size: 11, bold: true, gapAfter: 2 });
    const unitNames = [...new Set(pkg.tasks.map((task) => task.unitName))];
    for (const unitName of unitNames) {
      out.text(unitName, { bold: true });
      for (const task of pkg.tasks.filter((candidate) => candidate.unitName === unitName)) {
        out.text(`- ${task.commitment}${task.dueOn ? ` (tenggat ${formatDate(task.dueOn)})` : ''}`, { indent: 12 });
      }
      out.gap(3);
    }
  }

  if (pkg.opportunities.length > 0) {
    out.gap(4);
    out.text('Peluang bagi warga', { size: 11, bold: true, gapAfter: 2 });
    for (const opportunity of pkg.opportunities) {
      out.text(`${TYPE_LABEL[opportunity.type]}: ${opportunity.title}`, { bold: true });
      const details = [
        opportunity.description,
        opportunity.quota !== null ? `Kuota: ${opportunity.quota}` : null,
        opportunity.eligibility ? `Persyaratan: ${opportunity.eligibility}` : null,
        opportunity.scheme ? `Skema: ${opportunity.scheme}` : null,
        opportunity.whoMayApply ? `Yang dapat mengajukan: ${opportunity.whoMayApply}` : null,
        opportunity.limits ? `Batas: ${opportunity.limits}` : null,
        opportunity.deadline ? `Batas waktu: ${formatDate(opportunity.deadline)}` : null,
        opportunity.howToApply ? `Cara mendaftar: ${opportunity.howToApply}` : null,
        opportunity.applyUrl ? `Tautan: ${opportunity.applyUrl}` : null,
        opportunity.contact ? `Kontak: ${opportunity.contact}` : null,
      ].filter((line): line is string => Boolean(line));
      for (const line of details) out.text(line, { indent: 12, size: 9.5 });
      out.gap(3);
    }
  }
  if (out.full) {
    // Two pages at most: the rest is on the public page the QR code opens.
    const last = pdf.getPage(pdf.getPageCount() - 1);
    last.drawText(winAnsi('Selengkapnya di laman publik (pindai kode QR).'), { x: PAGE.margin, y: PAGE.margin - 20, size: 9, font: fonts.bold });
  }
  return Buffer.from(await pdf.save());
}

export async function disseminationSheetFor(ctx: ActorCtx, agreementId: string): Promise<{ body: Buffer; fileName: string }> {
  await loadReadableAgreement(ctx, { id: agreementId });
  const row = await repo.findPackage(ctx.db, { agreementId });
  if (!row) throw notFound('Paket diseminasi', 'Dissemination package');
  if (!canReadPackage(ctx.actor, row)) throw hidesRefusedPackage(ctx.actor) ? notFound('Paket diseminasi', 'Dissemination package') : forbidden();
  const view = await repo.packageViewOf(ctx.db, { row, abilities: { canEdit: false, canSubmit: false, canPublish: false, needsApproval: false, canApprove: false, canAcknowledge: false } });
  const body = await renderSheet(view, { publicUrl: ctx.mail.publicUrl, now: ctx.now });
  return { body, fileName: `lembar-diseminasi-${agreementSlug(agreementId, view.agreementTitle)}.pdf` };
}
