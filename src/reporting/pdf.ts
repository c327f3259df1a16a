/**
 * `erh report --pdf`: the scorecards printed to PDF by headless Chromium with the scorecard's own
 * print stylesheet (A4, margins from @page, colour bands kept, evidence links printed as paths).
 * Every findings drill-down (<details>) is opened first, so the PDF holds all the evidence the
 * page does; a footer numbers the pages. The browser is found as for the tests (Debian's chromium,
 * then Playwright's own build) and started with the switches that keep it off the network.
 * Impure (browser, files), so it lives here and not in src/render.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { HarnessError } from '../core/errors.ts';
import { LANGUAGES, type Language } from '../core/ids.ts';
import { chromiumArgs, findBrowser, installHint } from '../session/browsers.ts';

export function scorecardPdfName(lang: Language): string {
  return `scorecard.${lang}.pdf`;
}

const FOOTER =
  '<div style="font: 8px system-ui, sans-serif; width: 100%; text-align: center; color: #4d4d4d">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

export async function launchPdfBrowser(): Promise<Browser> {
  const install = findBrowser('chromium', undefined, chromium.executablePath());
  if (!install) throw new HarnessError(`No Chromium to print the scorecard with: ${installHint('chromium')}`);
  try {
    return await chromium.launch({
      headless: true,
      args: chromiumArgs(),
      ...(install.executablePath ? { executablePath: install.executablePath } : {}),
    });
  } catch (e) {
    throw new HarnessError(`Chromium did not start to print the scorecard: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Prints one HTML file to a PDF file with a browser that is already running. */
export async function printPdf(browser: Browser, htmlFile: string, pdfFile: string): Promise<void> {
  if (!existsSync(htmlFile)) throw new HarnessError(`${htmlFile} not found: nothing to print`);
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    // DevTools-protocol evaluation is not page script: the page's CSP and javaScriptEnabled do not apply.
    await page.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
    await page.pdf({
      path: pdfFile,
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: FOOTER,
      outline: true,
      tagged: true,
    });
  } finally {
    await context.close();
  }
}

/** scorecard.<lang>.html → scorecard.<lang>.pdf in a run directory, for each language. */
export async function writeScorecardPdfs(
  runDir: string,
  langs: readonly Language[] = LANGUAGES,
): Promise<Record<Language, string>> {
  const browser = await launchPdfBrowser();
  const files = {} as Record<Language, string>;
  try {
    for (const lang of langs) {
      const pdf = join(runDir, scorecardPdfName(lang));
      await printPdf(browser, join(runDir, `scorecard.${lang}.html`), pdf);
      files[lang] = pdf;
    }
  } finally {
    await browser.close();
  }
  return files;
}
