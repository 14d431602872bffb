import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneErrorLine, runCli, runCliAsync } from '../support/cli.ts';

/**
 * Input a new user, or an attacker, might give: each is refused (exit 2) in one stderr line under
 * 300 characters that names the problem and the fix, with no stack trace. The modules live in a
 * temporary folder outside the project, as a user's would.
 */
const dir = mkdtempSync(join(tmpdir(), 'basinmap-hostile-'));
const module = (name: string, source: string) => {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
};
const TF = "import * as tf from '@tensorflow/tfjs-core';\n";
const BOX = 'dim: 2, box: [[-1, 1], [-1, 1]]';

const cases: Array<[string, string[], RegExp]> = [
  ['a module whose f throws', ['--objective', module('throws.ts', `${TF}export default { ${BOX}, f: (x: tf.Tensor2D) => { throw new Error('boom'); } };`)], /f in .*throws\.ts threw on a \[2, 2\] batch: boom: fix f/],
  ['a module whose f returns [n, d]', ['--objective', module('shape.ts', `${TF}export default { ${BOX}, f: (x: tf.Tensor2D) => tf.square(x) };`)], /returned shape \[2, 2\] for a \[2, 2\] batch: it must return one value per row, shape \[2\]/],
  ['a module whose f returns a scalar', ['--objective', module('scalar.ts', `${TF}export default { ${BOX}, f: (x: tf.Tensor2D) => tf.sum(x) };`)], /returned shape \[\] for a \[2, 2\] batch/],
  ['a module whose f returns one row', ['--objective', module('row.ts', `${TF}export default { ${BOX}, f: (x: tf.Tensor2D) => tf.sum(tf.slice(x, [0, 0], [1, 2]), 1) };`)], /returned shape \[1\] for a \[2, 2\] batch/],
  ['a module whose f returns a number', ['--objective', module('number.ts', `export default { ${BOX}, f: () => 3 };`)], /returned the number 3, not a tensor/],
  ['a module whose f returns a Promise', ['--objective', module('promise.ts', `${TF}export default { ${BOX}, f: async (x: tf.Tensor2D) => tf.sum(x, 1) };`)], /returned a Promise: .*no async/],
  ['a module that throws at import', ['--objective', module('import.ts', "throw new Error('no');\nexport default {};")], /import\.ts threw while loading: no/],
  ['a module with a syntax error', ['--objective', module('syntax.ts', 'export default { f: (x) => x +* };')], /syntax\.ts does not compile at line 1, column \d+: .*fix the syntax/],
  ['a file that is not a module', ['--objective', module('notes.txt', 'hello')], /notes\.txt is not a module: give a \.ts or \.js file/],
  ['a module importing a package that is not there', ['--objective', module('missing.ts', "import 'left-pad-nowhere';\nexport default {};")], /imports "left-pad-nowhere", which cannot be found from its folder/],
  ['--gtol Infinity', ['himmelblau', '--gtol', 'Infinity'], /--gtol must be a finite number ≥ 0, got Infinity/],
  ['--xtol Infinity', ['himmelblau', '--xtol', 'Infinity'], /--xtol must be a finite number ≥ 0, got Infinity/],
  ['an empty --lr', ['himmelblau', '--lr', ''], /--lr was given an empty value: give a number, e\.g\. --lr 0\.01/],
  ['--lr that is not a number', ['himmelblau', '--lr', 'fast'], /--lr must be a number or auto, got "fast"/],
  ['an unknown engine', ['himmelblau', '--engine', 'turbo'], /--engine "turbo" is not one of its choices: choose one of auto, fused, tfjs/],
  ['an unknown option', ['himmelblau', '--learning-rate', '0.1'], /unknown option --learning-rate: see basinmap map --help/],
  ['--n beyond what memory holds', ['himmelblau', '--sampler', 'uniform', '--n', '4e9'], /4,000,000,000 starts need about \d+ GB .*at most [\d,]+ fit; split the sweep/],
  ['--grid beyond what memory holds', ['himmelblau', '--grid', '50000'], /2,500,000,000 starts need about/],
  ['--n beyond the sampler limit', ['himmelblau', '--sampler', 'uniform', '--n', '1e10'], /exceeds the limit of 4294967296 starts/],
  ['--timeout 0', ['himmelblau', '--timeout', '0'], /--timeout must be a number of seconds > 0, got 0/],
  ['a formula without variables', ['1+2', '--box', '-1,1'], /the formula "1\+2" has no variable, .*write it in x, y, z or x1\.\.xd/],
  ['a formula of 500 nested parentheses', [`${'('.repeat(500)}x${')'.repeat(500)}`, '--box', '-1,1'], /nests more than 100 levels deep at column 101/],
  ['a formula that begins with a minus (read as the flag -x)', ['-x^2 + y^4', '--box', '-1,1'], /the formula "-x\^2 \+ y\^4" begins with "-", so it reads as an option: begin it with a space \(" -x\^2 \+ y\^4"\) or write "0 -x\^2 \+ y\^4"/],
  ['a formula naming axis x1000000000', ['x1000000000^2', '--box', '-1,1'], /names axis 1000000000, beyond the 100000 a formula may use/],
];

// Concurrent: each case is a CLI start (a few seconds), and they are independent.
describe.concurrent('hostile input to map: one line, exit 2, no stack trace', () => {
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const small = args.includes('--grid') || args.includes('--sampler') ? [] : ['--grid', '4'];
      const r = await runCliAsync(['map', ...args, ...small, '--quiet', '--backend', 'cpu']);
      expect(r.status).toBe(2);
      expect(oneErrorLine(r.stderr)).toMatch(message);
      // Five CLI starts at once (vitest's maxConcurrency) on a loaded 2-core machine: minutes, not seconds.
    }, 300_000);
  }
});

describe('a module outside the project', () => {
  const bowlSource = `${TF}export default { name: 'bowl', ${BOX}, f: (x: tf.Tensor2D) => tf.sum(tf.square(tf.sub(x, 0.25)), 1) };`;
  const maps = (path: string) => {
    const r = runCli(['map', '--objective', path, '--grid', '6', '--backend', 'cpu', '--json']);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout);
    expect(summary.basins).toHaveLength(1);
    // gtol 1e-4 with curvature 2: within 5e-5 of the minimum.
    summary.basins[0].x.forEach((v: number) => expect(Math.abs(v - 0.25)).toBeLessThan(1e-4));
  };

  it('imports tfjs without an install of its own and maps', () => maps(module('bowl.ts', bowlSource)));

  // In a "type": "module" package the module loads as ESM, through the resolve hook rather than
  // CommonJS's resolver: tfjs must still be our (CommonJS) copy, loaded as Node loads it.
  it('does the same from an ES module package', () => {
    const esm = mkdtempSync(join(tmpdir(), 'basinmap-esm-'));
    writeFileSync(join(esm, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(esm, 'bowl.ts'), bowlSource);
    maps(join(esm, 'bowl.ts'));
  });
});

describe('a function that never returns', () => {
  it('is stopped by --timeout with one line naming where it stalled, killed by SIGKILL (a shell reports 137)', () => {
    const hang = module('hang.ts', `${TF}export default { ${BOX}, f: (x: tf.Tensor2D) => { for (;;) {} } };`);
    const r = runCli(['map', '--objective', hang, '--grid', '4', '--quiet', '--timeout', '3'], { timeoutMs: 240_000 });
    expect([r.status, r.signal]).toEqual([null, 'SIGKILL']);
    expect(oneErrorLine(r.stderr)).toMatch(/no progress for 3 s while loading .*hang\.ts and calling its f \(--timeout 3\)/);
  });
});

describe('trace limits', () => {
  it('refuses --iters 1e9, which would keep a billion points a path', () => {
    const r = runCli(['trace', 'poly1d', '--x0', '2', '--iters', '1e9']);
    expect(r.status).toBe(2);
    expect(oneErrorLine(r.stderr)).toMatch(/--iters 1000000000 would keep up to 1000000000 points a path: trace records at most 1000000/);
  });
});
