/**
 * The scorecard's only stylesheet (inline, allowed by the CSP's style-src 'unsafe-inline').
 * Colours: text #1a1a1a on white (17:1); links #0b57a4 (7:1); muted #4d4d4d (8.5:1); heat-map
 * backgrounds are light tints under dark text (all above 12:1). Colour never carries meaning alone.
 * A line ending in a backslash continues on the next one: the stylesheet has no line break there.
 */
export const STYLES = `
:root { color-scheme: light; --fg: #1a1a1a; --muted: #4d4d4d; --line: #8c8c8c; --link: #0b57a4;
  --good: #d3eed8; --mid: #fdefc3; --bad: #f9d4d0; --none: #ececec; --code: #f3f3f3; }
*, *::before, *::after { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0 auto; max-width: 76rem; padding: 0 1rem 3rem; color: var(--fg); background: #fff;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--link); }
a:focus-visible, :focus-visible { outline: 3px solid #0b57a4; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; top: 0; background: #fff; color: var(--link); padding: .5rem 1rem; }
.skip:focus { left: 1rem; z-index: 10; }
header { border-bottom: 2px solid var(--fg); margin-bottom: 1.5rem; }
nav.languages ul { list-style: none; display: flex; gap: 1.25rem; margin: .75rem 0; padding: 0; \
justify-content: flex-end; }
nav.languages a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--fg); }
h1 { font-size: 1.8rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.45rem; margin-top: 2.5rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.25rem; margin-top: 2rem; }
h4 { font-size: 1.1rem; margin-top: 1.5rem; }
h5 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: .75rem 0 1.25rem; min-width: 60%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0 .5rem; }
th, td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted, .weight { color: var(--muted); font-weight: 400; }
.weight { display: block; font-size: .85em; }
.heat { text-align: center; min-width: 7.5rem; }
.heat .status { display: block; font-size: .85em; }
p.why { font-size: 1.05rem; max-width: 60rem; border-left: 4px solid var(--fg); padding: .25rem 0 .25rem .9rem; }
tr.excluded > * { background: repeating-linear-gradient(135deg, #fff 0 6px, #f1f1f1 6px 12px); color: var(--muted); }
tr.excluded > td:first-child { border-left: 4px dashed var(--fg); }
.excluded-mark { font-weight: 700; color: var(--fg); white-space: nowrap; }
.band-good { background: var(--good); }
.band-mid { background: var(--mid); }
.band-bad { background: var(--bad); }
.band-none { background: var(--none); }
ul.gates { list-style: none; margin: 0; padding: 0; }
.mark { display: inline-block; width: 1.2em; font-weight: 700; }
figure { margin: 1rem 0; }
figure svg { max-width: 48rem; width: 100%; height: auto; }
figure svg.heatmap { width: auto; max-width: 100%; }
figcaption { color: var(--muted); }
article.check { border-top: 1px solid var(--line); padding-top: .25rem; }
dl.facts { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: .25rem 0; }
dl.facts div { display: flex; gap: .35rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ol.findings { padding-left: 1.5rem; }
ol.findings > li { margin: .75rem 0; padding-left: .25rem; }
ol.findings dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .25rem 0; }
ol.findings dt { font-weight: 600; }
ol.findings dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
code { overflow-wrap: anywhere; }
nav.contents ol { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0 0 1rem; padding: 0; list-style: none; }
ul.notes { padding-left: 1.25rem; }
ul.notes li { margin: .25rem 0; }
ul.device-status { margin: .25rem 0; padding-left: 1.25rem; }
ul.device-status li { margin: .15rem 0; overflow-wrap: anywhere; }
details { margin: .5rem 0 1rem; }
summary { cursor: pointer; color: var(--link); font-weight: 600; padding: .25rem 0; }
summary:focus-visible { outline: 3px solid #0b57a4; outline-offset: 2px; }
svg.spark { display: block; }
.verdict { border-left: 6px solid var(--fg); padding: .5rem 1rem; background: var(--code); }
.verdict.bad { border-color: #b00020; background: var(--bad); }
.verdict.good { border-color: #2b6e2f; background: var(--good); }
@media (max-width: 40rem) {
  dl.meta, ol.findings dl { grid-template-columns: minmax(0, 1fr); }
  dl.meta dd, ol.findings dd { margin-bottom: .35rem; }
  nav.languages ul { justify-content: flex-start; }
}
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .875em; \
background: var(--code); }
pre { margin: 0; padding: .4rem .5rem; white-space: pre-wrap; overflow-wrap: anywhere; }
footer { margin-top: 3rem; border-top: 1px solid var(--line); color: var(--muted); }
@page { margin: 15mm 12mm; }
@media print {
  body { max-width: none; font-size: 9.5pt; padding: 0; }
  table { width: 100%; min-width: 0; }
  th, td { padding: .2rem .3rem; overflow-wrap: break-word; hyphens: auto; }
  .heat { min-width: 0; }
  .skip, nav.languages, nav.contents { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  summary { color: var(--fg); }
  a { color: var(--fg); }
  a.evidence::after { content: " (" attr(href) ")"; font-size: .85em; }
  h2, h3, h4, h5 { break-after: avoid; }
  section.service { break-before: page; }
  tr, li, figure { break-inside: avoid; }
  .band-good, .band-mid, .band-bad, .band-none, thead th, tr.excluded > * { print-color-adjust: exact; \
-webkit-print-color-adjust: exact; }
  .table-wrap { overflow: visible; }
}
`;
