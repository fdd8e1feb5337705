import type { ReportChart } from './report-document';

// A bar chart as SVG for the PDF: plain shapes and text, so that it prints sharp at any size and
// needs no browser. Colours are told apart by the legend and by the table printed beside it.

const PALETTE = ['#1c7ed6', '#f59f00', '#37b24d', '#e8590c', '#7048e8', '#0ca678', '#d6336c', '#495057'];
const WIDTH = 500;
const HEIGHT = 220;
const LEFT = 44;
const BOTTOM = 46;
const TOP = 10;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// A round step for the value axis: 1, 2 or 5 times a power of ten.
function niceStep(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? power * 10;
  return Math.max(1, step);
}

function shortLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function axis(maxValue: number, plotHeight: number): { top: number; parts: string[] } {
  const step = niceStep(maxValue);
  const top = Math.max(step, Math.ceil(maxValue / step) * step);
  const parts: string[] = [];
  for (let value = 0; value <= top; value += step) {
    const y = TOP + plotHeight - (value / top) * plotHeight;
    parts.push(`<line x1="${LEFT}" y1="${y}" x2="${WIDTH}" y2="${y}" stroke="#dee2e6" stroke-width="0.5"/>`);
    parts.push(`<text x="${LEFT - 4}" y="${y + 3}" font-size="7" text-anchor="end" fill="#495057">${value.toLocaleString('id-ID')}</text>`);
  }
  return { top, parts };
}

export function chartSvg(chart: ReportChart): { svg: string; width: number; height: number } {
  const legendHeight = chart.series.length > 1 ? 14 * Math.ceil(chart.series.length / 3) : 0;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const maxValue = Math.max(0, ...chart.series.flatMap((series) => series.values));
  const { top, parts } = axis(maxValue, plotHeight);
  const slot = (WIDTH - LEFT) / Math.max(1, chart.categories.length);
  const barWidth = Math.max(1, (slot * 0.8) / Math.max(1, chart.series.length));
  const labelMax = Math.max(4, Math.floor(slot / 4));
  // Few bars: each carries its figure, so the printed chart can be read without the table.
  const showValues = chart.categories.length * chart.series.length <= 30;
  chart.categories.forEach((category, index) => {
    const x0 = LEFT + index * slot + slot * 0.1;
    chart.series.forEach((series, seriesIndex) => {
      const value = series.values[index] ?? 0;
      const height = top === 0 ? 0 : (value / top) * plotHeight;
      const x = x0 + seriesIndex * barWidth;
      parts.push(`<rect x="${x}" y="${TOP + plotHeight - height}" width="${barWidth * 0.9}" height="${height}" fill="${PALETTE[seriesIndex % PALETTE.length] ?? '#1c7ed6'}"/>`);
      if (showValues && value > 0) {
        parts.push(`<text x="${x + barWidth * 0.45}" y="${TOP + plotHeight - height - 2}" font-size="6.5" text-anchor="middle" fill="#212529">${value.toLocaleString('id-ID')}</text>`);
      }
    });
    const labelX = LEFT + index * slot + slot / 2;
    parts.push(`<text x="${labelX}" y="${TOP + plotHeight + 12}" font-size="7" text-anchor="middle" fill="#212529">${escapeXml(shortLabel(category, labelMax))}</text>`);
  });
  if (chart.series.length > 1) {
    chart.series.forEach((series, index) => {
      const x = LEFT + (index % 3) * 150;
      const y = HEIGHT - BOTTOM + 26 + Math.floor(index / 3) * 14;
      parts.push(`<rect x="${x}" y="${y - 7}" width="8" height="8" fill="${PALETTE[index % PALETTE.length] ?? '#1c7ed6'}"/>`);
      parts.push(`<text x="${x + 12}" y="${y}" font-size="8" fill="#212529">${escapeXml(shortLabel(series.name, 34))}</text>`);
    });
  }
  const height = HEIGHT + legendHeight;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">${parts.join('')}</svg>`;
  return { svg, width: WIDTH, height };
}
