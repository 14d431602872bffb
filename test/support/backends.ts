import { describe } from 'vitest';
import { backendNames, probeBackend, useBackend } from '../../src/backends/registry.ts';

/**
 * Runs the same spec on every backend that is available here. A backend that is not available
 * is skipped, and the reason is printed (never faked). BASINMAP_TEST_BACKENDS=cpu,wasm narrows
 * the list.
 *
 * Bodies must read tensors asynchronously (`await t.data()`, `await t.array()`), not with
 * dataSync/arraySync: the webgpu backend's synchronous readback needs OffscreenCanvas, which
 * Node lacks.
 */
const wanted = process.env.BASINMAP_TEST_BACKENDS?.split(',').map((s) => s.trim()).filter(Boolean);
const names = wanted ?? backendNames();
const probes = await Promise.all(names.map(async (name) => ({ name, probe: await probeBackend(name) })));

// tfjs-node and tfjs-node-gpu cannot both load into one process (both register tfjs's
// 'tensorflow' backend): where both are installed, tensorflow-gpu runs only when asked for.
const both = ['tensorflow', 'tensorflow-gpu'].every((n) => probes.some((p) => p.name === n && p.probe.available));
if (both && !wanted) {
  const gpu = probes.find((p) => p.name === 'tensorflow-gpu')!;
  gpu.probe = { available: false, reason: 'cannot share a process with @tensorflow/tfjs-node; run with BASINMAP_TEST_BACKENDS=tensorflow-gpu' };
}

export const AVAILABLE_BACKENDS = probes.filter((p) => p.probe.available).map((p) => p.name);

export function describeEachBackend(title: string, body: (backend: string) => void): void {
  for (const { name, probe } of probes) {
    if (!probe.available) {
      console.warn(`[skip] ${title} on ${name}: ${probe.reason}`);
      describe.skip(`${title} [${name}: unavailable: ${probe.reason}]`, () => body(name));
      continue;
    }
    describe(`${title} [${name}]`, () => {
      beforeAllUse(name);
      body(name);
    });
  }
}

import { beforeAll } from 'vitest';
function beforeAllUse(name: string): void {
  beforeAll(async () => {
    await useBackend(name);
  });
}
