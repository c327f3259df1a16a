/**
 * Inline SVG bar chart of suite and overall scores per service. The SVG is an image
 * (role="img") whose <title> and <desc> carry every number as text; the same numbers are in the
 * "scores by suite" table, so nothing is conveyed by colour or shape alone. Bar colours have at
 * least 3:1 contrast against white (WCAG 1.4.11).
 */
import type { Language, RunResult } from '../core/index.ts';
import { SUITES } from '../core/index.ts';
import type { Html } from './escape.ts';
import { html } from './escape.ts';
import { formatScore } from './format.ts';
import type { MessageKey } from './i18n.ts';
import { t } from './i18n.ts';

const COLOURS = {
  login: '#1f5fa6',
  accessibility: '#6f3a91',
  performance: '#9a4600',
  compatibility: '#2b6e2f',
  overall: '#1a1a1a',
} as const;

const WIDTH = 760;
const LABEL = 190;
const BAR = 460;
const ROW = 22;
const HEADER = 28;
const GAP = 14;

export function renderChart(result: RunResult, lang: Language): Html {
  const rows = [...SUITES, 'overall'] as const;
  const label = (row: (typeof rows)[number]) => t(lang, row === 'overall' ? 'col.overall' : (`suite.${row}` as MessageKey));
  const name = (id: string) => result.services.find((s) => s.id === id)?.name ?? id;
  const scoreText = (v: number | null) => (v === null ? t(lang, 'score.none') : formatScore(lang, v));
  const groupHeight = HEADER + rows.length * ROW + GAP;
  const height = Math.max(groupHeight * result.scorecard.length, ROW);

  const desc = result.scorecard
    .map((entry) => {
      const parts = rows.map((row) => `${label(row)} ${scoreText(row === 'overall' ? entry.overall : entry.suites[row])}`);
      return `${name(entry.service)}: ${parts.join(', ')}.`;
    })
    .join(' ');

  const groups = result.scorecard.map((entry, index) => {
    const top = index * groupHeight;
    const bars = rows.map((row, r) => {
      const value = row === 'overall' ? entry.overall : entry.suites[row];
      const y = top + HEADER + r * ROW;
      const width = value === null ? 0 : Math.max(0, Math.min(100, value)) * (BAR / 100);
      return html`<text x="${LABEL - 8}" y="${y + 15}" text-anchor="end">${label(row)}</text>
<rect x="${LABEL}" y="${y + 3}" width="${BAR}" height="${ROW - 6}" fill="#f0f0f0"/>
${value === null ? '' : html`<rect x="${LABEL}" y="${y + 3}" width="${width.toFixed(1)}" height="${ROW - 6}" fill="${COLOURS[row]}"/>`}
<text x="${value === null ? LABEL + 6 : LABEL + BAR + 8}" y="${y + 15}">${scoreText(value)}</text>`;
    });
    return html`<g><text x="0" y="${top + 19}" font-weight="700">${name(entry.service)}</text>
${bars}</g>`;
  });

  return html`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="13" fill="#1a1a1a">
<title id="chart-title">${t(lang, 'chart.title')}</title>
<desc id="chart-desc">${desc}</desc>
${groups}
</svg>`;
}
