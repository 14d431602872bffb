import { compileFused, FusedCompileError, type FusedDtype, type FusedRunner, type FusedTarget } from '../../kernels/index.ts';
import type { DescentOptions } from '../descent/options.ts';
import { UserError } from '../errors.ts';
import { parseExpression } from '../objectives/expression/parse.ts';
import type { Objective } from '../objectives/types.ts';

import type { EngineName } from './names.ts';

export { ENGINE_NAMES, type EngineName } from './names.ts';

/** What runs the descent, and why that one: the CLI prints it and summary.json records it. */
export type EngineChoice =
  | { kind: 'tfjs'; reason: string }
  | { kind: 'fused'; target: FusedTarget; dtype: FusedDtype; runner: FusedRunner; reason: string };

export interface EngineRequest {
  engine: EngineName;
  dtype: FusedDtype;
  /** The active tfjs backend: the fused engine targets WGSL through it on webgpu, SIMD wasm otherwise. */
  backend: string;
}

/**
 * auto: the fused kernels when the objective has an expression form that compiles (library
 * functions and typed formulas), the tfjs path otherwise (a user module is arbitrary tfjs code).
 * fused: the fused kernels or an error saying why not. tfjs: always the op-by-op tfjs path.
 */
export async function chooseEngine(objective: Objective, d: number, descent: DescentOptions, req: EngineRequest): Promise<EngineChoice> {
  if (req.dtype === 'float64' && req.engine === 'tfjs') {
    throw new UserError('--dtype float64 needs the fused cpu engine (tfjs computes in float32): drop --engine tfjs or --dtype float64');
  }
  if (req.engine === 'tfjs') return { kind: 'tfjs', reason: 'asked for with --engine tfjs' };
  const target = req.backend === 'webgpu' ? 'webgpu' : 'cpu';
  const refuse = (why: string): EngineChoice => {
    if (req.engine === 'fused' || req.dtype === 'float64') throw new UserError(`${why}: use --engine tfjs${req.dtype === 'float64' ? ' (float32)' : ''}`);
    return { kind: 'tfjs', reason: `fused engine not used: ${why}` };
  };
  if (!objective.expression) return refuse(`${objective.title} is tfjs code, and only formulas and library functions compile to fused kernels`);
  if (req.dtype === 'float64' && target === 'webgpu') return refuse('float64 runs on the fused cpu engine only (WGSL has no float64): drop --backend webgpu');
  try {
    const expr = parseExpression(objective.expression(d), { dim: d }).expr;
    const runner = await compileFused(expr, d, descent, { target, dtype: req.dtype });
    const how = target === 'cpu' ? 'SIMD WebAssembly on every core' : 'one WGSL compute shader through tfjs-backend-webgpu';
    return { kind: 'fused', target, dtype: req.dtype, runner, reason: `${objective.title} compiles: ${how}, ${req.dtype}` };
  } catch (e) {
    if (e instanceof FusedCompileError || e instanceof UserError) return refuse(e.message);
    throw e;
  }
}

export function describeEngine(c: EngineChoice): string {
  return c.kind === 'tfjs' ? `tfjs (${c.reason})` : `fused-${c.target} (${c.reason})`;
}

/** The choice as plain data for summary.json. */
export function engineRecord(c: EngineChoice): Record<string, string> {
  return c.kind === 'tfjs' ? { kind: 'tfjs', reason: c.reason } : { kind: 'fused', target: c.target, dtype: c.dtype, reason: c.reason };
}
