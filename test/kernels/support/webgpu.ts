import { describe } from 'vitest';
import { probeBackend } from '../../../src/backends/registry.ts';

/**
 * describe() when the webgpu backend is available here, else describe.skip() with the probe's
 * reason printed (the tests never pretend to have run).
 */
const probe = await probeBackend('webgpu');

export const WEBGPU_DEVICE = probe.device;

export function describeWebGPU(title: string, body: () => void): void {
  if (!probe.available) {
    console.warn(`[skip] ${title}: webgpu unavailable: ${probe.reason}`);
    describe.skip(`${title} [webgpu unavailable: ${probe.reason}]`, body);
    return;
  }
  describe(`${title} [webgpu: ${probe.device ?? 'adapter'}]`, body);
}
