/**
 * Inline SVG charts. Each SVG is an image (role="img") whose <title> and <desc> carry every number
 * as text, and the same numbers are in a table next to it, so nothing is conveyed by colour or
 * shape alone. Bar and line colours have at least 3:1 contrast against white (WCAG 1.4.11); heat-map
 * cells are light tints under dark text (above 12:1). No scripts, no external resources.
 *
 * - renderChart: suite and overall scores per service (bars);
 * - renderHeatMap: the overall score of every service on every device (a grid);
 * - renderSparkline: one service's overall score over runs (a line).
 */
import type { Language, RunResult } from '../core/index.ts';
import { SUITES } from '../core/index.ts';
import type { Html } from './escape.ts';
import { deviceLabel } from './names.ts';
import { html, raw } from './escape.ts';
import { band, formatScore } from './format.ts';
import { t } from './i18n.ts';

const COLOURS = {
  login: '#1f5fa6',
  accessibility: '#6f3a91',
  performance: '#9a4600',
  compatibility: '#2b6e2f',
  content: '#7a5a00',
  overall: '#1a1a1a',
} as const;

/** Heat-map fills: the stylesheet's band tints. */
const BAND_FILLS = { good: '#d3eed8', mid: '#fdefc3', bad: '#f9d4d0', none: '#ececec' } as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The charts' text: the page's font, at 13 px, in the text colour. */
const TEXT_STYLE = raw('font-family="system-ui, sans-serif" font-size="13" fill="#1a1a1a"');

/** The chart is named by its <title> and described by its <desc>. */
function labelledBy(id: string): Html {
  return html`aria-labelledby="${id}-title ${id}-desc"`;
}

/** The drawing's coordinates (viewBox) and its displayed size: the same width and height. */
function size(width: number, height: number): Html {
  return html`viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"`;
}

/** A rectangle: its top-left corner, size, fill and (for a heat-map cell) outline. */
function rect(x: number, y: number, width: number | string, height: number, fill: string, stroke?: string): Html {
  const outline = stroke !== undefined ? html` stroke="${stroke}"` : '';
  return html`<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${fill}"${outline}/>`;
}

const WIDTH = 760;
const LABEL = 190;
const BAR = 460;
const ROW = 22;
const HEADER = 28;
const GAP = 14;

export function renderChart(result: RunResult, lang: Language, id = 'chart'): Html {
  const rows = [...SUITES, 'overall'] as const;
  const label = (row: (typeof rows)[number]) => t(lang, row === 'overall' ? 'col.overall' : (`suite.${row}` as const));
  const name = (sid: string) => result.services.find((s) => s.id === sid)?.name ?? sid;
  const scoreText = (v: number | null) => (v === null ? t(lang, 'score.none') : formatScore(lang, v));
  const groupHeight = HEADER + rows.length * ROW + GAP;
  const height = Math.max(groupHeight * result.scorecard.length, ROW);

  const desc = result.scorecard
    .map((entry) => {
      const parts = rows.map(
        (row) => `${label(row)} ${scoreText(row === 'overall' ? entry.overall : entry.suites[row])}`,
      );
      return `${name(entry.service)}: ${parts.join(', ')}.`;
    })
    .join(' ');

  const groups = result.scorecard.map((entry, index) => {
    const top = index * groupHeight;
    const bars = rows.map((row, r) => {
      const value = row === 'overall' ? entry.overall : entry.suites[row];
      const y = top + HEADER + r * ROW;
      const width = value === null ? 0 : Math.max(0, Math.min(100, value)) * (BAR / 100);
      const bar = value === null ? '' : rect(LABEL, y + 3, width.toFixed(1), ROW - 6, COLOURS[row]);
      return html`<text x="${LABEL - 8}" y="${y + 15}" text-anchor="end">${label(row)}</text>
${rect(LABEL, y + 3, BAR, ROW - 6, '#f0f0f0')}
${bar}
<text x="${value === null ? LABEL + 6 : LABEL + BAR + 8}" y="${y + 15}">${scoreText(value)}</text>`;
    });
    return html`<g><text x="0" y="${top + 19}" font-weight="700">${name(entry.service)}</text>
${bars}</g>`;
  });

  return html`<svg xmlns="${SVG_NS}" role="img" ${labelledBy(id)} viewBox="0 0 ${WIDTH} ${height}" ${TEXT_STYLE}>
<title id="${id}-title">${t(lang, 'chart.title')}</title>
<desc id="${id}-desc">${desc}</desc>
${groups}
</svg>`;
}

/** A label cut to `max` characters with an ellipsis (the full text is in the SVG's <desc>). */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const CELL_W = 104;
const CELL_H = 30;
const HEAT_LABEL = 200;
const HEAT_HEADER = 44;

/** Overall score of each service (rows) on each device (columns); `–` where nothing was scored. */
export function renderHeatMap(result: RunResult, lang: Language, id = 'heatmap'): Html {
  const devices = result.devices;
  const width = HEAT_LABEL + devices.length * CELL_W;
  const height = HEAT_HEADER + result.services.length * CELL_H + 4;
  const overallOf = (service: string, device: string) =>
    result.targets.find((tg) => tg.service === service && tg.device === device)?.overall ?? null;
  const scoreText = (v: number | null) => (v === null ? t(lang, 'score.none') : formatScore(lang, v));
  const desc = result.services
    .map((s) => {
      const scores = devices.map((d) => `${deviceLabel(lang, devices, d.id)} ${scoreText(overallOf(s.id, d.id))}`);
      return `${s.name}: ${scores.join(', ')}.`;
    })
    .join(' ');
  const heads = devices.map((d, i) => {
    const name = deviceLabel(lang, devices, d.id);
    const [first, second] = name.split(' · ');
    const x = HEAT_LABEL + i * CELL_W + CELL_W / 2;
    const line = (y: number, text: string) =>
      html`<text x="${x}" y="${y}" text-anchor="middle">${clip(text, 15)}</text>`;
    return html`${line(16, first ?? name)}${second !== undefined ? line(32, second) : ''}`;
  });
  const rows = result.services.map((s, r) => {
    const y = HEAT_HEADER + r * CELL_H;
    const cells = devices.map((d, c) => {
      const v = overallOf(s.id, d.id);
      const x = HEAT_LABEL + c * CELL_W;
      const fill = BAND_FILLS[band(v)];
      const text = v === null ? '–' : formatScore(lang, v);
      const centre = x + CELL_W / 2;
      const score = html`<text x="${centre}" y="${y + 20}" text-anchor="middle" font-weight="700">${text}</text>`;
      return html`${rect(x + 1, y + 1, CELL_W - 2, CELL_H - 2, fill, '#8c8c8c')}${score}`;
    });
    return html`<text x="${HEAT_LABEL - 8}" y="${y + 20}" text-anchor="end">${clip(s.name, 26)}</text>${cells}`;
  });
  return html`<svg xmlns="${SVG_NS}" class="heatmap" role="img" ${labelledBy(id)} ${size(width, height)} ${TEXT_STYLE}>
<title id="${id}-title">${t(lang, 'heatmap.title')}</title>
<desc id="${id}-desc">${desc}</desc>
${heads}
${rows}
</svg>`;
}

const SPARK_W = 180;
const SPARK_H = 44;
const SPARK_PAD = 6;

/**
 * One service's overall scores over runs (oldest first; null = not scored, a gap in the line).
 * `comparable[i]` false marks a run with another configuration: drawn as a hollow diamond.
 */
export function renderSparkline(
  label: string,
  scores: readonly (number | null)[],
  comparable: readonly boolean[],
  lang: Language,
): Html {
  const n = scores.length;
  const x = (i: number) => (n <= 1 ? SPARK_W / 2 : SPARK_PAD + (i * (SPARK_W - 2 * SPARK_PAD)) / (n - 1));
  const y = (v: number) => SPARK_PAD + ((100 - Math.max(0, Math.min(100, v))) * (SPARK_H - 2 * SPARK_PAD)) / 100;
  const segments: string[][] = [[]];
  scores.forEach((v, i) => {
    if (v === null) segments.push([]);
    else segments[segments.length - 1]?.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  const lines = segments
    .filter((s) => s.length > 1)
    .map((s) => html`<polyline points="${s.join(' ')}" fill="none" stroke="#1f5fa6" stroke-width="2"/>`);
  const marks = scores.map((v, i) => {
    if (v === null) return '';
    const cx = x(i).toFixed(1);
    const cy = y(v).toFixed(1);
    const top = (y(v) - 5).toFixed(1);
    return comparable[i] === false
      ? html`<path d="M${cx} ${top} l5 5 l-5 5 l-5 -5 z" fill="#fff" stroke="#1a1a1a" stroke-width="1.5"/>`
      : html`<circle cx="${cx}" cy="${cy}" r="3.5" fill="#1f5fa6"/>`;
  });
  const values = scores.map((v) => (v === null ? '–' : formatScore(lang, v))).join(', ');
  const alt = t(lang, 'trend.alt', { service: label, scores: values });
  const mid = y(50);
  return html`<svg xmlns="${SVG_NS}" role="img" aria-label="${alt}" ${size(SPARK_W, SPARK_H)} class="spark">
<line x1="${SPARK_PAD}" y1="${mid}" x2="${SPARK_W - SPARK_PAD}" y2="${mid}" stroke="#8c8c8c" stroke-dasharray="3 3"/>
${lines}
${marks}
</svg>`;
}
