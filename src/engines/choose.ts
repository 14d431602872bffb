import { UserError } from '../../core/errors.ts';
import { ENGINE_CHOICES } from './names.ts';
import { engineNames, findEngine } from './registry.ts';
import { EngineRefusal, type Compiled, type EngineEnv, type Problem } from './types.ts';

export { ENGINE_CHOICES };

/** The engine that runs, compiled, and why that one (the CLI prints it; summary.json records it). */
export interface EngineChoice {
  engine: string;
  compiled: Compiled;
  reason: string;
}

/**
 * The engines `auto` tries, best first. On the webgpu backend the GPU kernel, then tfjs on the GPU;
 * elsewhere the native C kernel, the SIMD wasm kernel, then tfjs. Only registered engines count.
 */
export function autoOrder(env: EngineEnv): string[] {
  const order = env.backend === 'webgpu' ? ['fused-webgpu', 'tfjs'] : ['native', 'fused-cpu', 'tfjs'];
  return order.filter((name) => findEngine(name));
}

/**
 * auto: the first engine of autoOrder that compiles the problem, saying why the better ones did
 * not (a user module is tfjs code; no C compiler; float64 on tfjs). `fused`: the fused kernel of
 * the backend (WGSL on webgpu, SIMD wasm otherwise). A name: that engine, or a one-line error.
 */
export async function chooseEngine(problem: Problem, request: string, env: EngineEnv): Promise<EngineChoice> {
  const named = request === 'fused' ? (env.backend === 'webgpu' ? 'fused-webgpu' : 'fused-cpu') : request;
  if (named !== 'auto') {
    const engine = findEngine(named);
    if (!engine) throw new UserError(`unknown engine "${request}": choose one of ${[...ENGINE_CHOICES, ...engineNames()].join(', ')}`);
    try {
      return { engine: named, compiled: await engine.compile(problem, env), reason: `asked for with --engine ${request}` };
    } catch (e) {
      if (!(e instanceof EngineRefusal)) throw e;
      const fix = problem.dtype === 'float64' && named === 'tfjs' ? 'drop --engine tfjs or --dtype float64' : 'use --engine auto';
      throw new UserError(`engine ${named} cannot run this: ${e.message}: ${fix}`);
    }
  }
  const skipped: string[] = [];
  for (const name of autoOrder(env)) {
    try {
      const compiled = await findEngine(name)!.compile(problem, env);
      const why = `${problem.objective.title}: ${compiled.how}`;
      return { engine: name, compiled, reason: skipped.length ? `${why}; ${skipped.join('; ')}` : why };
    } catch (e) {
      if (!(e instanceof EngineRefusal)) throw e;
      // Engines refused for the same reason are named together: "native, fused-cpu not used: ...".
      const same = skipped.findIndex((s) => s.endsWith(` not used: ${e.message}`));
      if (same >= 0) skipped[same] = skipped[same].replace(' not used: ', `, ${name} not used: `);
      else skipped.push(`${name} not used: ${e.message}`);
    }
  }
  throw new UserError(`no engine can run this: ${skipped.join('; ')}`);
}

/** "fused-cpu (Himmelblau: SIMD WebAssembly on every core, float32)" */
export function describeEngine(c: Pick<EngineChoice, 'engine' | 'reason'>): string {
  return `${c.engine} (${c.reason})`;
}
