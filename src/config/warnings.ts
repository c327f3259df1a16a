/**
 * Warnings about a configuration that is valid but will make weaker verdicts than an evaluator may
 * expect. `erh validate` prints them and still exits 0; each names the file and field.
 */
import { isBrowserFormLogin } from '../core/config.ts';
import type { ResolvedConfig } from './load.ts';

export interface ConfigWarning {
  /** The file, relative to the configuration root. */
  readonly file: string;
  /** The field, e.g. `library`. */
  readonly field: string;
  readonly message: string;
}

export function configWarnings(config: Pick<ResolvedConfig, 'services' | 'sources'>): ConfigWarning[] {
  return config.services.flatMap((service): ConfigWarning[] => {
    const file = config.sources.services[service.id] ?? `services/${service.id}.yaml`;
    // Only the strategies that take a card and PIN can be checked with the library system first.
    const cardAndPin = isBrowserFormLogin(service.login) || service.login.strategy === 'password-grant';
    if (!cardAndPin || service.library !== undefined) return [];
    return [
      {
        file,
        field: 'library',
        message:
          'no library system declared: the test patrons cannot be checked with the library system before the ' +
          'login is tested (pre-flight), so its login verdicts rest on the vendor alone and a library-system ' +
          'outage cannot be told apart',
      },
    ];
  });
}
