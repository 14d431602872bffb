import type { Expr } from '../../core/expression.ts';
import type { DescentOptions } from '../../core/options.ts';
import { FusedCompileError, type FusedRunner } from '../../kernels/fused.ts';
import type { FusedDtype } from '../../kernels/types.ts';
import { parseExpression } from '../objectives/expression/parse.ts';
import { EngineRefusal, type Compiled, type Engine, type Problem } from './types.ts';

/**
 * The fused kernels unroll a step over every coordinate and keep a start's state in registers:
 * past a few hundred coordinates the generated code only grows (and spills), while the tfjs
 * engine's cost per coordinate stays flat. The one-op-per-coordinate expressions of the
 * any-dimension functions also grow with d.
 */
export const MAX_FUSED_DIM = 256;

/**
 * An engine from a fused-kernel compiler: the objective's expression form (library functions and
 * typed formulas have one; a user module is tfjs code and has none) compiled with the options.
 */
export function fusedEngine(spec: {
  name: string;
  title: string;
  how: (dtype: FusedDtype) => string;
  compile: (expr: Expr, d: number, opts: DescentOptions, dtype: FusedDtype) => Promise<FusedRunner>;
  /** Compiled.chunkRows for d columns, where the engine has a preference. */
  chunkRows?: (d: number) => number;
  /** Why the engine cannot run here at all (checked before compiling), or undefined. */
  unavailable?: (problem: Problem, backend: string) => string | undefined;
  status?: Engine['status'];
}): Engine {
  return {
    name: spec.name,
    title: spec.title,
    status: spec.status,
    async compile(problem, env): Promise<Compiled> {
      const { objective, d, descent, dtype } = problem;
      const why = spec.unavailable?.(problem, env.backend);
      if (why) throw new EngineRefusal(why);
      if (!objective.expression) throw new EngineRefusal(`${objective.title} is tfjs code, and only formulas and library functions compile to fused kernels`);
      if (d > MAX_FUSED_DIM) throw new EngineRefusal(`d = ${d} is beyond the ${MAX_FUSED_DIM} coordinates a fused kernel keeps per start`);
      let runner: FusedRunner;
      try {
        // A formula's parameters are its last columns (src/params): frozen by descent.frozen.
        const params = objective.params ?? [];
        runner = await spec.compile(parseExpression(objective.expression(d), { dim: d - params.length, params }).expr, d, descent, dtype);
      } catch (e) {
        if (e instanceof FusedCompileError) throw new EngineRefusal(e.message);
        throw e;
      }
      return {
        engine: spec.name,
        how: spec.how(dtype),
        chunkRows: spec.chunkRows?.(d),
        dtype,
        runChunk: (x0, ctl) => runner.run(x0, { signal: ctl.signal, onProgress: ctl.onProgress }),
        evaluate: (points) => runner.evaluate(points),
      };
    },
  };
}
