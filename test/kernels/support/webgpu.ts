import { describe } from 'vitest';
import { probeBackend } from '../../../src/backends/registry.ts';
import { engineWanted } from '../../support/engines.ts';

/**
 * describe() when the webgpu backend is available here, else describe.skip() with the probe's
 * reason printed (the tests never pretend to have run).
 */
const probe = await probeBackend('webgpu');

export const WEBGPU_DEVICE = probe.device;

export function describeWebGPU(title: string, body: () => void): void {
  if (!engineWanted('fused-webgpu')) {
    console.warn(`[skip] ${title}: BASINMAP_TEST_BACKENDS leaves webgpu out`);
    describe.skip(`${title} [not asked for]`, body);
    return;
  }
  if (!probe.available) {
    console.warn(`[skip] ${title}: webgpu unavailable: ${probe.reason}`);
    describe.skip(`${title} [webgpu unavailable: ${probe.reason}]`, body);
    return;
  }
  describe(`${title} [webgpu: ${probe.device ?? 'adapter'}]`, body);
}
