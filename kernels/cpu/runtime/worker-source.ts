import { RUNNING, STATUS } from '../../../core/status.ts';

/**
 * The CPU worker, as source text for `new Worker(code, { eval: true })`: plain JavaScript, so it
 * runs the same under tsx, vitest and plain node (a worker file would need the TypeScript loader
 * in every one of them). One wasm instance per kernel and worker; a job is a block of starts
 * (packed into the kernel's group layout, run K iterations per call until none is running,
 * unpacked into result columns that are transferred back).
 */
export const WORKER_SOURCE = /* js */ `
const { parentPort } = require('node:worker_threads');
const RUNNING = ${RUNNING};
const INTERRUPTED = ${STATUS.interrupted.code};
const PADDING = 2;
const instances = new Map();

parentPort.on('message', (job) => {
  try {
    const out = runJob(job);
    parentPort.postMessage(out, [out.x.buffer, out.fun.buffer, out.gradNorm.buffer, out.nit.buffer, out.status.buffer]);
  } catch (e) {
    parentPort.postMessage({ id: job.id, error: String((e && e.stack) || e) });
  }
});

function instanceFor(key, module) {
  let inst = instances.get(key);
  if (!inst) {
    inst = new WebAssembly.Instance(module, { math: { sin: Math.sin, cos: Math.cos } });
    instances.set(key, inst);
    // Kernels are compiled per expression and options; keep the last few.
    if (instances.size > 8) instances.delete(instances.keys().next().value);
  }
  return inst;
}

function runJob(job) {
  const { id, key, module, layout, x0, table, stepsPerCall, maxIter, abort, progress } = job;
  const inst = instanceFor(key, module);
  const mem = inst.exports.memory;
  const { d, width: W, unroll: U, groupSize: G } = layout;
  const n = x0.length / d;
  const nGroups = Math.ceil(n / G);
  const es = layout.dtype === 'float32' ? 4 : 8;
  // Memory: constant pool [0, heap_base), the optimizer's scalar table, then the records.
  const tablePtr = inst.exports.heap_base.value;
  const base = tablePtr + Math.ceil(((table ? table.length : 0) * es) / 16) * 16;
  const need = base + nGroups * layout.recordBytes;
  if (mem.buffer.byteLength < need) mem.grow(Math.ceil((need - mem.buffer.byteLength) / 65536));
  const buf = es === 4 ? new Float32Array(mem.buffer) : new Float64Array(mem.buffer);
  if (table) buf.set(table, tablePtr / es);
  const rec = layout.recordBytes / es;
  const b0 = base / es;
  buf.fill(0, b0, b0 + nGroups * rec);
  const at = (i, field) => {
    const g = Math.floor(i / G), r = i - g * G, u = Math.floor(r / W), l = r - u * W;
    return b0 + g * rec + (field * U + u) * W + l;
  };
  for (let i = 0; i < nGroups * G; i++) {
    if (i < n) {
      for (let j = 0; j < d; j++) buf[at(i, layout.x + j)] = x0[i * d + j];
      buf[at(i, layout.status)] = RUNNING;
    } else {
      buf[at(i, layout.status)] = PADDING;
    }
  }
  // abort: a flag shared with the main thread, read between calls, so Ctrl-C is honoured within
  // stepsPerCall steps; starts still running then are returned where they are, as interrupted.
  let reached = 0;
  for (let t0 = 0; t0 <= maxIter; t0 += stepsPerCall) {
    if (abort && Atomics.load(abort, 0) !== 0) break;
    const left = inst.exports.run(base, nGroups, t0, Math.min(stepsPerCall, maxIter + 1 - t0), tablePtr);
    reached = Math.min(maxIter, t0 + stepsPerCall);
    if (left === 0) break;
    if (progress) {
      let running = 0;
      for (let i = 0; i < n; i++) if (buf[at(i, layout.status)] === RUNNING) running++;
      parentPort.postMessage({ id, progress: { finished: n - running, iteration: reached } });
    }
  }
  const F = es === 4 ? Float32Array : Float64Array;
  const x = new F(n * d), fun = new F(n), gradNorm = new F(n);
  const nit = new Int32Array(n), status = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) x[i * d + j] = buf[at(i, layout.xOut + j)];
    fun[i] = buf[at(i, layout.fun)];
    gradNorm[i] = buf[at(i, layout.gradNorm)];
    nit[i] = buf[at(i, layout.nit)];
    status[i] = buf[at(i, layout.status)];
    if (buf[at(i, layout.status)] === RUNNING) {
      for (let j = 0; j < d; j++) x[i * d + j] = buf[at(i, layout.x + j)];
      fun[i] = NaN;
      gradNorm[i] = NaN;
      nit[i] = reached;
      status[i] = INTERRUPTED;
    }
  }
  return { id, x, fun, gradNorm, nit, status };
}
`;
