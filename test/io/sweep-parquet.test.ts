import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { describe, expect, it } from 'vitest';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { useBackend } from '../../src/backends/registry.ts';
import { sweepParquet } from '../../src/io/sweep-parquet.ts';
import '../../src/node/register.ts';
import { parseParamFlags } from '../../src/params/axes.ts';
import { paramObjective } from '../../src/params/objective.ts';
import { runParamSweep } from '../../src/params/sweep.ts';
import { makeStartSet } from '../../src/starts/index.ts';

describe('sweep.parquet', () => {
  it('has one row per (value, start): the parameter, the usual per-start columns, and the branch', async () => {
    await useBackend('wasm');
    const box: [number, number][] = [[-2, 2], [-2, 2]];
    const axes = parseParamFlags(['a=-1,1']);
    const starts = await makeStartSet({ sampler: 'grid', gridCounts: [4] }, box);
    // lr 0.01: gd is stable below 2/50, f_xx ≤ 50 on the box.
    const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box, sense: 'min' as const, maxIter: 3000 };
    const r = await runParamSweep({ objective: paramObjective('x^4 - a*x^2 + y^2', axes, { box: '-2,2' }), axes, starts, descent, engine: 'fused-cpu' });
    const t = tableFromIPC(readParquet(await sweepParquet(r, ['a'], 2)).intoIPCStream());
    expect(t.schema.fields.map((f) => f.name)).toEqual(['a', 'start', 'x0_1', 'x0_2', 'x_1', 'x_2', 'fun', 'grad_norm', 'nit', 'status', 'basin', 'branch']);
    expect(t.numRows).toBe(32);
    const col = (name: string) => Array.from(t.getChild(name)!.toArray() as ArrayLike<number>);
    expect(col('a')).toEqual([...Array(16).fill(-1), ...Array(16).fill(1)]);
    // The same starts at both values.
    expect(col('start')).toEqual([...Array(16).keys(), ...Array(16).keys()]);
    expect(col('x0_1').slice(0, 16)).toEqual(col('x0_1').slice(16));
    // a = −1: every start in branch 0 (the origin). a = 1: the minima (±0.707, 0) are farther
    // from the origin than the match distance (0.1 × 4), so branch 0 ends and branches 1 and 2
    // begin, half of the grid each.
    expect(new Set(col('branch').slice(0, 16))).toEqual(new Set([0]));
    expect(col('branch').slice(16).sort()).toEqual([...Array(8).fill(1), ...Array(8).fill(2)]);
    // Status names as in starts.parquet (gtol: converged on the gradient test).
    expect(t.getChild('status')!.get(0)).toBe('gtol');
  });
});
