import { tf } from '../../core/tf.ts';

/**
 * The most bytes one tensor may have on the active webgpu backend: tfjs binds each tensor as one
 * storage buffer, and the device limits a binding (128 MiB by default). A bigger tensor is not
 * bound at all: Dawn reports a validation error on the side and the kernel does nothing.
 */
export function webgpuBindingLimit(): number {
  const limits = (tf.backend() as unknown as { device?: { limits: { maxStorageBufferBindingSize: number; maxBufferSize: number } } }).device?.limits;
  return Math.min(limits?.maxStorageBufferBindingSize ?? 2 ** 27, limits?.maxBufferSize ?? 2 ** 28);
}

/** Why batches of `rows` starts of d float32 coordinates cannot run on a device binding `limit` bytes, or undefined. */
export function chunkTooBig(rows: number, d: number, limit: number): string | undefined {
  const bytes = rows * d * 4;
  if (bytes <= limit) return undefined;
  const mib = (b: number) => (b / 2 ** 20).toFixed(0);
  return `--chunk ${rows} makes [${rows}, ${d}] tensors of ${mib(bytes)} MiB, more than this WebGPU device binds (${mib(limit)} MiB): use --chunk ${Math.floor(limit / (4 * d))} or less`;
}
