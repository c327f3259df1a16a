/**
 * Playwright's own artefacts of erh's tests are redacted where they are written, before anyone reads
 * them. A trace a user turns on (`npx playwright test --trace=on`) records what the harness typed (a
 * fill's value), what the pages held (the DOM snapshots' input values, a page that echoes the card
 * number), what was sent (the login request's body) and what was shown (screencast frames of the
 * filled form); a failed test's `error-context.md` holds an ARIA snapshot with the fields' values.
 *
 * - A text entry of a trace (the JSON-lines event logs, stored responses and DOM resources) is
 *   redacted; a JSON line value by value (`Redactor.deep`), so that the trace viewer still opens it.
 * - A binary entry (screencast frames, screenshots, images, fonts) is dropped — a picture cannot be
 *   redacted, and a frame of the filled form shows the card number — and so are the `screencast-frame`
 *   events that point at the frames. The DOM snapshots, redacted, still show every step.
 * - A text file beside the traces is redacted; a picture or video is removed.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import JSZip from 'jszip';
import type { Redactor } from '../core/redactor.ts';

/** What one pass changed: the files rewritten and the entries or files removed. */
export interface RedactionTally {
  rewritten: number;
  removed: number;
}

const PICTURES = new Set(['.png', '.jpg', '.jpeg', '.webp', '.webm', '.mp4', '.gif']);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** `bytes` as text when they are UTF-8 without NUL characters, else null (a binary resource). */
function asText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A text in which every secret, in any form, is replaced; JSON lines are redacted value by value. */
export function redactText(text: string, redactor: Redactor, jsonLines: boolean): string {
  if (!jsonLines) return redactor.text(text);
  return text
    .split('\n')
    .map((line) => {
      if (!line.trim()) return line;
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        return redactor.text(line);
      }
      return JSON.stringify(redactor.deep(event));
    })
    .join('\n');
}

/** Playwright's JSON-lines files (a trace's event logs) and JSON files, by name: redacted value by value. */
const JSON_TEXT = /\.(trace|network|stacks|jsonl|json)$/i;
/** A trace's event logs, whose screencast-frame events point at pictures that are dropped. */
const EVENT_LOG = /\.(trace|network|stacks)$/;

/** A screencast frame event of a trace's event log (the filmstrip), which points at a dropped picture. */
function isFrameEvent(line: string): boolean {
  return line.includes('"screencast-frame"');
}

/** The zip archive `bytes` (a Playwright trace) with every text entry redacted and every binary entry dropped. */
export async function redactTraceZip(
  bytes: Uint8Array,
  redactor: Redactor,
): Promise<{ zip: Uint8Array; removed: number }> {
  const input = await JSZip.loadAsync(bytes);
  const output = new JSZip();
  let removed = 0;
  for (const entry of Object.values(input.files)) {
    if (entry.dir) continue;
    const text = asText(await entry.async('uint8array'));
    if (text === null) {
      removed++;
      continue;
    }
    const kept = EVENT_LOG.test(entry.name)
      ? text
          .split('\n')
          .filter((l) => !isFrameEvent(l))
          .join('\n')
      : text;
    output.file(entry.name, redactText(kept, redactor, JSON_TEXT.test(entry.name)));
  }
  const zip = await output.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { zip, removed };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Redacts every file under `dirs` (test output directories): trace archives entry by entry, text
 * files in place; pictures and videos are removed. A directory that does not exist is skipped.
 */
export async function redactArtifacts(dirs: Iterable<string>, redactor: Redactor): Promise<RedactionTally> {
  const tally: RedactionTally = { rewritten: 0, removed: 0 };
  for (const dir of new Set(dirs)) {
    for (const file of await filesUnder(dir)) {
      const ext = extname(file).toLowerCase();
      if (PICTURES.has(ext)) {
        await rm(file, { force: true });
        tally.removed++;
        continue;
      }
      const bytes = await readFile(file);
      if (bytes.length === 0) continue;
      if (ext === '.zip') {
        const { zip, removed } = await redactTraceZip(bytes, redactor);
        await writeFile(file, zip);
        tally.rewritten++;
        tally.removed += removed;
        continue;
      }
      const text = asText(bytes);
      if (text === null) {
        await rm(file, { force: true });
        tally.removed++;
        continue;
      }
      const clean = redactText(text, redactor, JSON_TEXT.test(file));
      if (clean !== text) {
        await writeFile(file, clean);
        tally.rewritten++;
      }
    }
  }
  return tally;
}
