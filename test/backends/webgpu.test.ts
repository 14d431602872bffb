import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf.ts';
import { probeBackend, useBackend } from '../../src/backends/registry.ts';
import { chunkTooBig } from '../../kernels/webgpu/limits.ts';
import { describeEachBackend } from '../support/backends.ts';

/**
 * The webgpu backend through Dawn. Skipped, with the reason printed, where there is no adapter.
 * Reads use `await t.data()`: tfjs-webgpu's synchronous readback (dataSync) needs
 * OffscreenCanvas, which Node does not have.
 */
const probe = await probeBackend('webgpu');
if (!probe.available) console.warn(`[skip] webgpu tests: ${probe.reason}`);

/**
 * WGSL only promises an absolute error of 2^-11 for f32 sin and cos on [-pi, pi] (WGSL spec,
 * "Accuracy of built-in functions"); GPUs are allowed to use such fast approximations, and the
 * cpu backend uses Math.cos rounded to float32. So the inputs stay in [-pi, pi] and the bound is
 * 2^-11 plus a few float32 ulps of a value of size 1.
 */
const TOL = 2 ** -11 + 4 * 2 ** -24;

/** Batch of points in [-pi, pi]^2, deterministic. */
function batch(n: number): Float32Array {
  const v = new Float32Array(n * 2);
  for (let i = 0; i < v.length; i++) v[i] = Math.PI * (2 * ((i * 0.618033988749895) % 1) - 1);
  return v;
}

async function gradSumSin(values: Float32Array): Promise<Float32Array> {
  const x = tf.tensor2d(values, [values.length / 2, 2]);
  const g = tf.grad((t: tf.Tensor) => tf.sum(tf.sin(t)))(x);
  const out = (await g.data()) as Float32Array;
  x.dispose();
  g.dispose();
  return out;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe.skipIf(!probe.available)('webgpu backend', () => {
  it('reports the adapter: vendor, architecture, description, and whether it is software', () => {
    expect(probe.device).toMatch(/vendor \S+/);
    expect(typeof probe.software).toBe('boolean');
    if (/llvmpipe|lavapipe|swiftshader/i.test(probe.device ?? '')) expect(probe.software).toBe(true);
    expect(probe.versions?.['@tensorflow/tfjs-backend-webgpu']).toMatch(/^\d+\.\d+\.\d+/);
    expect(probe.versions?.webgpu).toMatch(/^\d+\.\d+\.\d+/);
    console.info(`webgpu adapter: ${probe.device}${probe.software ? ' (software)' : ''}`);
  });

  it('computes the gradient of sum(sin(x)) for a batch like cpu does, within float32 tolerance', async () => {
    const x = batch(4096);
    await useBackend('cpu');
    const onCpu = await gradSumSin(x);
    await useBackend('webgpu');
    expect(tf.getBackend()).toBe('webgpu');
    // Every op runs as a shader: small CPU-resident tensors are not forwarded to CPU kernels.
    expect(tf.env().getBool('WEBGPU_CPU_FORWARD')).toBe(false);
    const onGpu = await gradSumSin(x);
    expect(onGpu.length).toBe(x.length);
    expect(maxAbsDiff(onGpu, onCpu)).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(onGpu, Array.from(x, Math.cos))).toBeLessThanOrEqual(TOL);
  });

  it('leaves no tensors behind after a gradient and dispose', async () => {
    await useBackend('webgpu');
    await gradSumSin(batch(16)); // compiles the shaders before counting
    const before = tf.memory().numTensors;
    await gradSumSin(batch(1000));
    expect(tf.memory().numTensors).toBe(before);
  });
});

// The shared per-backend harness includes webgpu where it is available.
describeEachBackend('gradient of sum(sin(x))', () => {
  it('matches cos(x)', async () => {
    const x = batch(64);
    expect(maxAbsDiff(await gradSumSin(x), Array.from(x, Math.cos))).toBeLessThanOrEqual(TOL);
  });
});

describe('chunkTooBig: the tfjs path binds each [rows, d] tensor whole', () => {
  it('accepts batches up to the binding limit and names the largest --chunk beyond it', () => {
    const limit = 2 ** 27; // 128 MiB, the WebGPU default
    expect(chunkTooBig(2 ** 24, 2, limit)).toBeUndefined();
    expect(chunkTooBig(2 ** 24 + 1, 2, limit)).toBe('--chunk 16777217 makes [16777217, 2] tensors of 128 MiB, more than this WebGPU device binds (128 MiB): use --chunk 16777216 or less');
  });
});
