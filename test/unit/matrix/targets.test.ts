import { describe, expect, it } from 'vitest';
import { DeviceSchema } from '../../../src/core/device.ts';
import { buildMatrix, capabilityReason, notApplicableReason, serviceExclusion } from '../../../src/matrix/targets.ts';
import type { Service } from '../../../src/core/config.ts';

const device = (id: string, engine: 'chromium' | 'firefox') =>
  DeviceSchema.parse({ id, name: id, engine, formFactor: 'desktop' });
const service = (extra: Partial<Service>) =>
  ({ id: 's', login: { strategy: 'none' }, journey: [], patrons: {}, ...extra }) as unknown as Service;

describe('notApplicableReason: the service decides, then the device', () => {
  const [onChromium, onFirefox] = buildMatrix(
    [service({ suites: ['accessibility', 'compatibility'] })],
    [device('c', 'chromium'), device('f', 'firefox')],
  );
  it('a suite the service leaves out is excluded on every device, performance included', () => {
    for (const t of [onChromium!, onFirefox!]) {
      expect(serviceExclusion(t, 'performance')).toMatch(/evaluated only for accessibility, compatibility/);
      expect(notApplicableReason(t, 'performance')).toBe(serviceExclusion(t, 'performance'));
    }
  });
  it('login is excluded for open access; Lighthouse is a capability of the device', () => {
    expect(serviceExclusion(onChromium!, 'login')).toMatch(/open access|evaluated only/);
    const [timedOnFirefox] = buildMatrix([service({})], [device('f', 'firefox')]);
    expect(serviceExclusion(timedOnFirefox!, 'performance')).toBeUndefined();
    expect(capabilityReason(timedOnFirefox!, 'performance')).toMatch(/runs firefox/);
    expect(notApplicableReason(timedOnFirefox!, 'performance')).toMatch(/runs firefox/);
  });
});
