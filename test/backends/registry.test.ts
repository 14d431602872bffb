import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { BACKENDS, backendNames, defaultBackend, pickDefault, probeBackend, useBackend } from '../../src/backends/registry.ts';
import type { BackendName } from '../../src/backends/types.ts';

const tensorflowProbe = await probeBackend('tensorflow');
if (tensorflowProbe.available) {
  console.warn('[skip] unavailable-backend error: @tensorflow/tfjs-node is installed and loads here, so tensorflow is not an unavailable backend on this machine');
}

const LIBTENSORFLOW = await Promise.all(
  ([['tensorflow', '@tensorflow/tfjs-node'], ['tensorflow-gpu', '@tensorflow/tfjs-node-gpu']] as const).map(async ([name, pkg]) => [name, pkg, await probeBackend(name)] as const),
);

describe('backend registry', () => {
  it('knows all five backends', () => {
    expect(backendNames().sort()).toEqual(['cpu', 'tensorflow', 'tensorflow-gpu', 'wasm', 'webgpu']);
  });

  it.each(backendNames())('%s: probe says available, or gives a one-line reason', async (name) => {
    const p = await probeBackend(name);
    expect(typeof p.available).toBe('boolean');
    if (p.available) {
      expect(p.device ?? '').not.toBe('');
    } else {
      expect((p.reason ?? '').trim()).not.toBe('');
      expect(p.reason).not.toContain('\n');
    }
    expect(Object.keys(p.versions ?? {}).length).toBeGreaterThan(0);
  });

  it.skipIf(tensorflowProbe.available)('useBackend of an unavailable backend rejects with a UserError carrying the reason', async () => {
    const err = await useBackend('tensorflow').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain(tensorflowProbe.reason);
    expect((err as Error).message).toContain('@tensorflow/tfjs-node');
  });

  for (const [name, pkg, probe] of LIBTENSORFLOW) {
    if (probe.available) console.warn(`[skip] ${name} install advice: ${pkg} loads here, so there is no absent package to describe`);
    it.skipIf(probe.available)(`an absent ${pkg} says how to install it`, () => {
      expect(probe.reason).toMatch(new RegExp(`^${pkg.replace(/[/@-]/g, '\\$&')} is (not installed|installed but)`));
      if (probe.reason!.includes('not installed')) expect(probe.reason).toContain(`npm install ${pkg}`);
    });
  }

  it('an unknown backend name is a UserError that lists the known names', async () => {
    const err = await useBackend('cuda').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain('"cuda"');
    for (const name of backendNames()) expect((err as Error).message).toContain(name);
  });

  it('tensorflow-gpu switches tfjs to the backend name both libtensorflow packages register', () => {
    expect(BACKENDS['tensorflow-gpu'].tfjsName).toBe('tensorflow');
    expect(BACKENDS.tensorflow.tfjsName).toBe('tensorflow');
  });
});

describe('defaultBackend', () => {
  it('is available and never a software adapter', async () => {
    const name = await defaultBackend();
    const p = await probeBackend(name);
    expect(p.available).toBe(true);
    expect(p.software ?? false).toBe(false);
  });

  // The ranking policy on its own, over probe results as data (the real probes are above).
  const gpu = (software: boolean) => ({ name: 'webgpu' as BackendName, speedRank: 4, probe: { available: true, software } });
  const wasmEntry = { name: 'wasm' as BackendName, speedRank: 1, probe: { available: true } };
  const tf = { name: 'tensorflow' as BackendName, speedRank: 2, probe: { available: false, reason: 'not installed' } };

  it('skips a software adapter even when it ranks first', () => {
    expect(pickDefault([gpu(true), tf, wasmEntry])).toBe('wasm');
  });

  it('prefers the highest-ranked available hardware backend', () => {
    expect(pickDefault([wasmEntry, tf, gpu(false)])).toBe('webgpu');
  });

  it('falls back to cpu when nothing else is available', () => {
    expect(pickDefault([tf])).toBe('cpu');
  });

  it('ranks hardware webgpu and tensorflow-gpu, then tensorflow, then wasm, then cpu', () => {
    const r = (n: string) => BACKENDS[n].speedRank;
    expect(Math.min(r('webgpu'), r('tensorflow-gpu'))).toBeGreaterThan(r('tensorflow'));
    expect(r('tensorflow')).toBeGreaterThan(r('wasm'));
    expect(r('wasm')).toBeGreaterThan(r('cpu'));
  });
});
