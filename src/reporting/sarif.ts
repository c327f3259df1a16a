/**
 * SARIF 2.1.0 from a run's results, for code-scanning views (GitHub's upload-sarif): every check
 * that failed or needs review is a rule; each of its kept findings (or the check itself, when it
 * kept none) is a result on its page (a repository-relative `host/path`, see locationPath). Levels
 * from the declared impact: critical/serious → error,
 * moderate → warning, minor → note; needs-review → note. WCAG success criteria are in the rule's
 * properties and tags. Built from the typed RunResult only; vendor text stays data (JSON-escaped).
 */
import { writeFileSync } from 'node:fs';
import type { CheckResult, Finding, RunResult } from '../core/result.ts';
import type { Impact } from '../core/ids.ts';
import { HARNESS_VERSION } from './version.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
type Level = 'error' | 'warning' | 'note';

export interface SarifResult {
  ruleId: string;
  level: Level;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: {
      driver: {
        name: 'erh';
        version: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          helpUri?: string;
          properties: { tags: string[]; wcag: string[]; impact: Impact };
        }[];
      };
    };
    automationDetails: { id: string };
    results: SarifResult[];
  }[];
}

/**
 * Code scanning accepts only repository-relative paths as a location (an https: URI fails the upload with
 * "unrecognized SARIF location URI scheme"): the page as `host/path` (port as `_port`, no query), the
 * full address in the result's `pageUrl` property.
 */
export function locationPath(pageUrl: string): string {
  try {
    const u = new URL(pageUrl);
    const host = u.port === '' ? u.hostname : `${u.hostname}_${u.port}`;
    const path = u.pathname.replace(/^\/+/, '').replace(/\/+$/, '');
    return path === '' ? host : `${host}/${path}`;
  } catch {
    return pageUrl.replace(/[^A-Za-z0-9._/-]+/g, '_') || 'page';
  }
}

const LEVEL: Record<Impact, Level> = { critical: 'error', serious: 'error', moderate: 'warning', minor: 'note' };

function levelOf(check: CheckResult, finding?: Finding): Level {
  if (check.status === 'needs-review' || finding?.needsReview === true) return 'note';
  return LEVEL[finding?.impact ?? check.impact];
}

export function toSarif(result: RunResult): SarifLog {
  const rules = new Map<string, SarifLog['runs'][number]['tool']['driver']['rules'][number]>();
  const results: SarifResult[] = [];
  for (const target of result.targets) {
    const service = result.services.find((s) => s.id === target.service);
    const home = service?.baseUrl ?? target.service;
    for (const suite of Object.values(target.suites)) {
      for (const check of suite.checks) {
        if (check.status !== 'fail' && check.status !== 'needs-review') continue;
        if (!rules.has(check.id)) {
          const helpUri = check.findings.find((f) => f.helpUrl !== undefined)?.helpUrl;
          rules.set(check.id, {
            id: check.id,
            name: check.id.replace(/[^A-Za-z0-9]+/g, '-'),
            shortDescription: { text: check.title },
            ...(helpUri !== undefined ? { helpUri } : {}),
            properties: {
              tags: [check.suite, ...check.criteria.map((c) => `wcag${c.replaceAll('.', '')}`)],
              wcag: [...check.criteria],
              impact: check.impact,
            },
          });
        }
        const findings: (Finding | undefined)[] = check.findings.length > 0 ? check.findings : [undefined];
        findings.forEach((f, i) => {
          const pageUrl = f?.url ?? home;
          const uri = locationPath(pageUrl);
          results.push({
            ruleId: check.id,
            level: levelOf(check, f),
            message: { text: f?.message ?? check.detail ?? check.title },
            locations: [{ physicalLocation: { artifactLocation: { uri } } }],
            partialFingerprints: { erhFinding: `${target.id}|${check.id}|${f?.selector ?? ''}|${uri}|${i}` },
            properties: {
              service: target.service,
              device: target.device,
              status: check.status,
              pageUrl,
              ...(f?.selector !== undefined ? { selector: f.selector } : {}),
              ...(f?.step !== undefined ? { step: f.step } : {}),
              ...(f?.screenshot !== undefined ? { screenshot: f.screenshot } : {}),
            },
          });
        });
      }
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'erh', version: HARNESS_VERSION, rules: [...rules.values()] },
        },
        automationDetails: { id: `erh/${result.runId}` },
        results,
      },
    ],
  };
}

/** Writes the SARIF of `runDir`'s results.json to `file`; returns how many results it holds. */
export async function writeSarif(runDir: string, file: string): Promise<number> {
  const { readRunResult } = await import('./compare.ts');
  const log = toSarif(readRunResult(runDir));
  writeFileSync(file, `${JSON.stringify(log, null, 2)}\n`);
  return log.runs[0]?.results.length ?? 0;
}
