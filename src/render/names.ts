/**
 * Names the scorecard shows for devices and journey steps, in the reader's language, from facts:
 * a device is its kind (desktop, phone, tablet) and browser engine — the YAML `name` is English and
 * stays on the English page — with the device id added when two devices of a run would read alike;
 * a journey step is its YAML `name` (as the committee wrote it), a state of the harness (the login
 * form with its error) is named in words, and a step without a name is shown by its id.
 */
import type { Language, RunResult } from '../core/index.ts';
import { t } from './i18n.ts';
import type { IcuMessage } from './icu.ts';

type RunDevice = RunResult['devices'][number];

const ENGINES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' } as const;

function kindOf(lang: Language, device: RunDevice): string {
  const word = t(lang, `formFactor.${device.formFactor}`);
  return `${word.charAt(0).toLocaleUpperCase(lang)}${word.slice(1)} · ${ENGINES[device.engine]}`;
}

/** The device's name for a reader of `lang` (the run's other devices decide whether the id is needed). */
export function deviceLabel(lang: Language, devices: readonly RunDevice[], id: string): string {
  const device = devices.find((d) => d.id === id);
  if (device === undefined) return id;
  if (lang === 'en') return device.name;
  const label = kindOf(lang, device);
  const alike = devices.filter((d) => kindOf(lang, d) === label).length > 1;
  return alike ? `${label} (${device.id})` : label;
}

/** States the harness examines that are not journey steps of the YAML. */
const HARNESS_STATES: Readonly<Record<string, IcuMessage>> = {
  'login-error': {
    en: 'the login form with its error shown',
    fi: 'kirjautumislomake virheilmoituksineen',
    sv: 'inloggningsformuläret med felmeddelandet',
  },
  login: { en: 'login', fi: 'kirjautuminen', sv: 'inloggning' },
};

/** A journey step's name: the service's YAML name (any service's, when none is given), a harness state's, or the id. */
export function stepLabel(lang: Language, result: Pick<RunResult, 'services'>, step: string, service?: string): string {
  const own = result.services.find((s) => s.id === service)?.journey.find((j) => j.id === step)?.name;
  if (own !== undefined) return own;
  const state = HARNESS_STATES[step];
  if (state !== undefined) return state[lang];
  for (const s of result.services) {
    const named = s.journey.find((j) => j.id === step)?.name;
    if (named !== undefined) return named;
  }
  return step;
}
