/**
 * The matrix: every service on every device is a Target named `service@device`. A device declares
 * what its engine and driver support; suites that need a capability the device lacks are marked
 * not applicable up front (never silently missing).
 */
import type { Device, Service } from '../core/config.ts';
import { targetId, type Suite } from '../core/ids.ts';

export interface Capabilities {
  /** Lighthouse needs Chromium reachable over the DevTools protocol. */
  lighthouse: boolean;
  /**
   * The device this service's content suite (publications, statement, ACR: the same on every device) is
   * gathered on — one per service: the first local Playwright Chromium device of the run, else its first
   * device. Absent on targets built outside a matrix.
   */
  contentDevice?: string;
}

export interface Target {
  id: string;
  service: Service;
  device: Device;
  capabilities: Capabilities;
}

export function capabilitiesOf(device: Device): Capabilities {
  // Lighthouse audits with a local Chromium of its own over CDP: it stands in for local Playwright
  // Chromium devices only (not for a remote server, a WebDriver or an Appium device).
  return { lighthouse: device.engine === 'chromium' && device.driver === 'playwright' && device.connect === undefined };
}

/** Why a suite cannot run on a target, or undefined when it can. */
export function notApplicableReason(target: Target, suite: Suite): string | undefined {
  return serviceExclusion(target, suite) ?? capabilityReason(target, suite);
}

/**
 * The part of the rule the service decides (its `suites:`, open access, what it declares for content):
 * nothing of such a suite is gathered, not even what a device without the capability could still do
 * (the performance suite's timed walks run on every engine, Lighthouse only where it can).
 */
export function serviceExclusion(target: Target, suite: Suite): string | undefined {
  const only = target.service.suites;
  if (only && !only.includes(suite))
    return `The service is evaluated only for ${only.join(', ')} (suites: in its YAML)`;
  if (suite === 'login' && target.service.login.strategy === 'none')
    return 'The service is open access: it declares no login (login.strategy: none)';
  if (suite === 'content') {
    if (target.service.content === undefined)
      return 'The service declares no publications, statement or ACR to check (content: in its YAML)';
    if (target.capabilities.contentDevice !== target.device.id)
      return (
        `Content is the same on every device: it is checked once per service, on ` +
        `${target.capabilities.contentDevice ?? 'another device'}`
      );
  }
  return undefined;
}

/** The part the device decides: Lighthouse where a local Chromium is driven over the DevTools protocol. */
export function capabilityReason(target: Target, suite: Suite): string | undefined {
  if (suite === 'performance' && !target.capabilities.lighthouse) {
    return target.device.engine === 'chromium'
      ? `Lighthouse needs a local Chromium driven over the DevTools protocol; ${target.device.id} is driven by ` +
          `${target.device.driver === 'playwright' ? 'a remote Playwright server' : target.device.driver}`
      : `Lighthouse needs Chromium with the DevTools protocol; ${target.device.id} runs ${target.device.engine}`;
  }
  return undefined;
}

export function buildMatrix(services: readonly Service[], devices: readonly Device[]): Target[] {
  const targets: Target[] = [];
  const contentDevice = (devices.find((d) => capabilitiesOf(d).lighthouse) ?? devices[0])?.id;
  for (const service of services) {
    for (const device of devices) {
      const capabilities = { ...capabilitiesOf(device), ...(contentDevice ? { contentDevice } : {}) };
      targets.push({ id: targetId(service.id, device.id), service, device, capabilities });
    }
  }
  return targets;
}
