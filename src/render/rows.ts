/**
 * Table rows' repeated parts, shared by the scorecard's sections and the comparison: a header row
 * from its labels, and plain data cells from their values.
 */
import type { Html, Interpolation } from './escape.ts';
import { html } from './escape.ts';

/** A header row: one column header (`<th scope="col">`) per label, in order. */
export function headRow(labels: readonly Interpolation[]): Html {
  return html`<tr>${labels.map((label) => html`<th scope="col">${label}</th>`)}</tr>`;
}

/** Plain data cells (`<td>`), one per value, in order. */
export function cells(values: readonly Interpolation[]): Html {
  return html`${values.map((value) => html`<td>${value}</td>`)}`;
}
