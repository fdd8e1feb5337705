// The monthly digest as an e-mail: plain text and an HTML alternative of the same content, in
// Indonesian with English beside the headings (as every mail of Jalin).

export type DigestFact =
  | { kind: 'signed'; on: string }
  | { kind: 'started'; on: string; endsOn: string | null }
  | { kind: 'ending'; endsOn: string; decision: string | null; letterBy: string | null }
  | { kind: 'overdue'; plans: number; period: string; closedOn: string };

export type DigestItem = { title: string; number: string | null; partner: string | null; unit: string | null; facts: DigestFact[]; url: string };
export type DigestSectionKey = 'signed' | 'started' | 'dormant' | 'ending' | 'overdue';
export type DigestSection = { key: DigestSectionKey; total: number; items: DigestItem[] };
export type DigestContent = { month: string; on: string; sections: DigestSection[]; registerUrl: string };

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`;
}

export function dateLabel(isoDate: string): string {
  return `${String(Number(isoDate.slice(8, 10)))} ${MONTHS[Number(isoDate.slice(5, 7)) - 1] ?? ''} ${isoDate.slice(0, 4)}`;
}

export const SECTION_TITLES: Record<DigestSectionKey, { id: string; en: string; none: string }> = {
  signed: { id: 'Ditandatangani', en: 'Signed', none: 'Tidak ada naskah yang ditandatangani bulan ini.' },
  started: { id: 'Mulai berlaku', en: 'Started', none: 'Tidak ada naskah yang mulai berlaku bulan ini.' },
  dormant: { id: 'Dorman', en: 'Dormant', none: 'Tidak ada naskah dorman.' },
  ending: { id: 'Berakhir dalam 6 bulan', en: 'Ending within 6 months', none: 'Tidak ada naskah yang berakhir dalam 6 bulan.' },
  overdue: { id: 'Laporan realisasi terlambat', en: 'Realisation reports overdue', none: 'Tidak ada laporan realisasi yang terlambat.' },
};

const DECISIONS: Record<string, string> = { extend: 'diputuskan diperpanjang', end_early: 'diputuskan diakhiri lebih awal', lapse: 'dibiarkan berakhir' };

function factText(fact: DigestFact): string {
  switch (fact.kind) {
    case 'signed':
      return `ditandatangani ${dateLabel(fact.on)}`;
    case 'started':
      return `berlaku ${dateLabel(fact.on)}${fact.endsOn ? ` s.d. ${dateLabel(fact.endsOn)}` : ''}`;
    case 'ending': {
      const decision = fact.decision ? (DECISIONS[fact.decision] ?? fact.decision) : 'belum ada keputusan perpanjangan';
      // Permendagri 25/2020 Ps 33(2): a foreign cooperation's extension letter is due 6 months before the end.
      const letter = fact.letterBy ? `; surat perpanjangan ke Menteri paling lambat ${dateLabel(fact.letterBy)}` : '';
      return `berakhir ${dateLabel(fact.endsOn)} (${decision})${letter}`;
    }
    case 'overdue':
      return `${String(fact.plans)} rencana kegiatan tanpa laporan periode ${fact.period} (batas ${dateLabel(fact.closedOn)})`;
  }
}

function nameOf(item: DigestItem): string {
  return item.number ? `${item.number} — ${item.title}` : item.title;
}

function whoOf(item: DigestItem): string {
  return [item.partner ? `mitra: ${item.partner}` : null, item.unit ? `OPD: ${item.unit}` : null].filter(Boolean).join('; ');
}

function moreText(section: DigestSection): string | null {
  const more = section.total - section.items.length;
  return more > 0 ? `… dan ${String(more)} naskah lainnya / and ${String(more)} more` : null;
}

export function digestSubject(content: DigestContent): string {
  return `Ringkasan kerja sama ${monthLabel(content.month)} / Cooperation digest`;
}

function textOf(content: DigestContent): string {
  const lines = [`Ringkasan kerja sama daerah bulan ${monthLabel(content.month)}`, `Monthly cooperation digest, ${content.month} (keadaan per / as of ${dateLabel(content.on)})`, ''];
  for (const section of content.sections) {
    const title = SECTION_TITLES[section.key];
    lines.push(`${title.id} / ${title.en}: ${String(section.total)}`);
    if (section.items.length === 0) lines.push(`  ${title.none}`);
    for (const item of section.items) {
      const detail = [whoOf(item), ...item.facts.map(factText)].filter(Boolean).join('; ');
      lines.push(`- ${nameOf(item)}`, ...(detail ? [`  ${detail}`] : []), `  ${item.url}`);
    }
    const more = moreText(section);
    if (more) lines.push(`  ${more}: ${content.registerUrl}`);
    lines.push('');
  }
  lines.push('Surel ini dikirim setiap bulan kepada pimpinan; pengaturannya ada di Jalin (Pengaturan).', 'Sent monthly to the leadership; see Settings in Jalin.');
  return lines.join('\n');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (value: string) => value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

function htmlSection(section: DigestSection, registerUrl: string): string {
  const title = SECTION_TITLES[section.key];
  const head = `<h2 style="font-size:16px;margin:20px 0 6px">${escape(title.id)} <span style="color:#666;font-weight:normal">/ ${escape(title.en)} (${String(section.total)})</span></h2>`;
  if (section.items.length === 0) return `${head}<p style="color:#555;margin:0">${escape(title.none)}</p>`;
  const items = section.items.map((item) => {
    const detail = [whoOf(item), ...item.facts.map(factText)].filter(Boolean).join('; ');
    return `<li style="margin:0 0 8px"><a href="${escape(item.url)}">${escape(nameOf(item))}</a>${detail ? `<br><span style="color:#444">${escape(detail)}</span>` : ''}</li>`;
  });
  const more = moreText(section);
  return `${head}<ul style="padding-left:20px;margin:0">${items.join('')}</ul>${more ? `<p style="margin:4px 0"><a href="${escape(registerUrl)}">${escape(more)}</a></p>` : ''}`;
}

function htmlOf(content: DigestContent): string {
  const body = content.sections.map((section) => htmlSection(section, content.registerUrl)).join('');
  return [
    '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>',
    escape(digestSubject(content)),
    '</title></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1a1a;max-width:680px">',
    `<h1 style="font-size:20px;margin:0 0 4px">Ringkasan kerja sama daerah — ${escape(monthLabel(content.month))}</h1>`,
    `<p style="color:#555;margin:0">Monthly cooperation digest · keadaan per / as of ${escape(dateLabel(content.on))}</p>`,
    body,
    '<p style="color:#666;font-size:12px;margin-top:24px">Surel ini dikirim setiap bulan kepada pimpinan; pengaturannya ada di Jalin (Pengaturan). / Sent monthly to the leadership; see Settings in Jalin.</p>',
    '</body></html>',
  ].join('');
}

export function digestMail(content: DigestContent): { subject: string; text: string; html: string } {
  return { subject: digestSubject(content), text: textOf(content), html: htmlOf(content) };
}
