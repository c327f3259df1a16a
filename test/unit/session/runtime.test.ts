/**
 * DeviceRuntime.acquire: a device this machine lacks is skipped with the reason; a local browser that
 * is installed but does not start is a harness error (retried on the next cell), never a skipped device.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceSchema, type Device } from '../../../src/core/device.ts';
import { HarnessError } from '../../../src/core/errors.ts';
import { DeviceRuntime } from '../../../src/session/runtime.ts';

const device = (extra: Record<string, unknown>): Device =>
  DeviceSchema.parse({ id: 'broken-chromium', name: 'Broken', engine: 'chromium', formFactor: 'desktop', viewport: { width: 800, height: 600 }, ...extra });

let runtime: DeviceRuntime | undefined;
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

describe('DeviceRuntime.acquire', () => {
  it('an installed browser that does not start: a harness error naming the device, tried again on the next call', async () => {
    runtime = new DeviceRuntime();
    // /bin/false exists and is executable, so the static checks pass; it exits at once instead of starting.
    const d = device({ browser: { executablePath: '/bin/false' } });
    const first = await runtime.acquire(d).then(() => null, (e: unknown) => e);
    expect(first).toBeInstanceOf(HarnessError);
    expect((first as Error).message).toMatch(/^chromium for device broken-chromium is installed .* but did not start: browserType\.launch/);
    // Not remembered: a second cell launches again (and fails again here).
    const second = await runtime.acquire(d).then(() => null, (e: unknown) => e);
    expect(second).toBeInstanceOf(HarnessError);
    expect(second).not.toBe(first);
  }, 60_000);

  it('a device this machine lacks: skipped with the reason, not an error', async () => {
    runtime = new DeviceRuntime();
    const d = DeviceSchema.parse({
      id: 'selenium-grid-somewhere',
      name: 'Grid',
      engine: 'firefox',
      formFactor: 'desktop',
      driver: 'webdriver',
      requires: { env: ['ERH_TEST_UNSET_GRID_URL'] },
      webdriver: { server: 'remote', url: { env: 'ERH_TEST_UNSET_GRID_URL' }, capabilities: { browserName: 'firefox' } },
    });
    const a = await runtime.acquire(d);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason).toContain('ERH_TEST_UNSET_GRID_URL');
  });
});
