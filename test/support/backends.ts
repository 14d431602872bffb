import { describe } from 'vitest';
import { backendNames, probeBackend, useBackend } from '../../src/backends/registry.ts';

/**
 * Runs the same spec on every backend that is available here. A backend that is not available
 * is skipped, and the reason is printed (never faked). BASINMAP_TEST_BACKENDS=cpu,wasm narrows
 * the list.
 */
const wanted = process.env.BASINMAP_TEST_BACKENDS?.split(',').map((s) => s.trim()).filter(Boolean);
const names = wanted ?? backendNames();
const probes = await Promise.all(names.map(async (name) => ({ name, probe: await probeBackend(name) })));

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
