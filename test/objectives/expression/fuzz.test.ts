import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors.ts';
import { tf, type Tensor, type Tensor2D } from '../../../core/tf.ts';
import { useBackend } from '../../../src/backends/registry.ts';
import { objectiveFromExpression } from '../../../src/objectives/expression/objective.ts';
import { FUNCTIONS } from '../../../src/objectives/expression/parse.ts';
import { runCliAsync } from '../../support/cli.ts';
import { mulberry32 } from '../../support/random.ts';

/**
 * The formula path never crashes: random token strings and random well-formed trees either parse
 * and then give f and ∇f (finite, infinite or NaN, but no throw) on a few points through the
 * library on the tfjs cpu backend, or are refused with a UserError of one line under 300
 * characters. A sample goes through the real CLI. Seeded: BASINMAP_FUZZ_SEED reruns another seed.
 */
const SEED = Number(process.env.BASINMAP_FUZZ_SEED ?? 20261201);
const TOKEN_STRINGS = 3000;
const TREES = 1000;
// Each CLI run is a process start of a few CPU-seconds: a small sample keeps the file's cost low.
const CLI_SAMPLE = 10;

const NAMES = ['x', 'y', 'z', 'x1', 'x2', 'x3', 'x0', 'X', 'pi', 'e', 'tau', 'Infinity', 'NaN', 'foo', 'mod', 'and', 'not', 'to', 'cm', 'i', ...Object.keys(FUNCTIONS)];
const NUMBERS = ['0', '1', '2', '2.5', '.5', '1e-3', '1e400', '0x1F', '0b101', '3e', '1.2.3'];
const OPERATORS = ['+', '-', '*', '/', '^', '.*', './', '.^', '!', '%', "'", '=', '==', '<', '>=', '?', ':', ';', '\n', '#', '&', '|', '~', '<<', '"', '$', '@'];
const BRACKETS = ['(', ')', '(', ')', '[', ']', '{', '}'];
const JUNK = ['λ', '∑', 'é', 'π', '\u0000', '😀', '\u202e', '\t', '　', '\\'];
const COMMON = ['x', 'y', '+', '-', '*', '^', '2', '(', ')', 'sin(', 'min(', ','];
// Weighted toward what formulas are made of, so that a fair share of the strings parses.
const ALPHABET = [COMMON, COMMON, COMMON, NAMES, NUMBERS, OPERATORS, BRACKETS, [','], JUNK];

function randomTokens(rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const n = 1 + Math.floor(rand() * 12);
  const sep = rand() < 0.5 ? '' : ' ';
  return Array.from({ length: n }, () => pick(pick(ALPHABET))).join(sep);
}

const BINARY = ['+', '-', '*', '/', '^'];
const FUNCTION_NAMES = Object.keys(FUNCTIONS);

/** A well-formed formula in x, y (every operator and function, depth up to `depth`). */
function randomTree(rand: () => number, depth: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  if (depth === 0 || rand() < 0.3) return pick(['x', 'y', 'x', 'y', '2', '0.5', '0', '-1', 'pi', '3']);
  const r = rand();
  if (r < 0.4) return `(${randomTree(rand, depth - 1)} ${pick(BINARY)} ${randomTree(rand, depth - 1)})`;
  if (r < 0.5) return `-${randomTree(rand, depth - 1)}`;
  const name = pick(FUNCTION_NAMES);
  const [min, max] = FUNCTIONS[name].arity;
  const count = Math.min(max, min + Math.floor(rand() * 2));
  return `${name}(${Array.from({ length: count }, () => randomTree(rand, depth - 1)).join(', ')})`;
}

/** What one input did: parsed and evaluated, or refused with a clean UserError. */
function check(source: string): 'ok' | 'refused' {
  let objective;
  try {
    objective = objectiveFromExpression(source, { box: undefined });
  } catch (e) {
    expectCleanRefusal(e, source);
    return 'refused';
  }
  const d = objective.dim as number;
  const points = [0.5, -1.25, 2].flatMap((v, k) => Array.from({ length: d }, (_, j) => v + 0.1 * j * (k + 1)));
  const { fx, g } = tf.tidy(() => {
    const x = tf.tensor2d(points, [3, d]);
    const fx = objective.f(x);
    const g = tf.grad((v: Tensor) => tf.sum(objective.f(v as Tensor2D)))(x);
    return { fx: tf.keep(fx), g: tf.keep(g) };
  });
  expect(fx.shape, source).toEqual([3]);
  expect(g.shape, source).toEqual([3, d]);
  const values = [...fx.dataSync(), ...g.dataSync()];
  tf.dispose([fx, g]);
  // Finite, infinite or NaN are all answers; only a non-number would be a bug.
  values.forEach((v) => expect(typeof v).toBe('number'));
  return 'ok';
}

function expectCleanRefusal(e: unknown, source: string): void {
  if (!(e instanceof UserError)) throw new Error(`formula ${JSON.stringify(source)} threw ${(e as Error)?.stack ?? String(e)}`);
  expect(e.message.includes('\n'), `multi-line message for ${JSON.stringify(source)}: ${e.message}`).toBe(false);
  expect(e.message.length, `message for ${JSON.stringify(source)}: ${e.message}`).toBeLessThan(300);
}

describe(`the formula path on random input (seed ${SEED})`, () => {
  beforeAll(async () => {
    await useBackend('cpu');
    console.log(`formula fuzz seed ${SEED} (set BASINMAP_FUZZ_SEED to rerun another)`);
  });

  it(`parses and evaluates, or refuses in one line, ${TOKEN_STRINGS} random token strings`, () => {
    const rand = mulberry32(SEED);
    const outcomes = { ok: 0, refused: 0 };
    for (let k = 0; k < TOKEN_STRINGS; k++) outcomes[check(randomTokens(rand))]++;
    // Both branches are exercised: a fuzzer that only ever hit one would prove little.
    expect(outcomes.ok).toBeGreaterThan(20);
    expect(outcomes.refused).toBeGreaterThan(TOKEN_STRINGS / 2);
  });

  it(`parses and evaluates ${TREES} random well-formed formulas up to depth 12`, () => {
    const rand = mulberry32(SEED + 1);
    let ok = 0;
    for (let k = 0; k < TREES; k++) {
      // Trees that use neither x nor y are refused (no variable); every other one must evaluate.
      if (check(randomTree(rand, 1 + Math.floor(rand() * 12))) === 'ok') ok++;
    }
    expect(ok).toBeGreaterThan(TREES / 2);
  });

  it(`maps or refuses in one line through the CLI, ${CLI_SAMPLE} inputs`, { timeout: 600_000 }, async () => {
    const rand = mulberry32(SEED + 2);
    const out = mkdtempSync(join(tmpdir(), 'basinmap-fuzz-'));
    const inputs = Array.from({ length: CLI_SAMPLE }, (_, k) => (k % 2 === 0 ? randomTokens(rand) : randomTree(rand, 1 + Math.floor(rand() * 6))));
    // Two at a time: each is a CLI start of a few seconds, and the machine is shared.
    for (let k = 0; k < inputs.length; k += 2) {
      await Promise.all(inputs.slice(k, k + 2).map(async (source, i) => {
        // A leading space keeps yargs from reading a formula such as "-x" as an option.
        const args = ['map', ` ${source.replaceAll("\u0000", "")}`, '--box', '-1,1', '--grid', '3', '--max-iter', '5', '--quiet', '--backend', 'cpu', '--out', join(out, `r${k + i}`)];
        const r = await runCliAsync(args);
        const what = `${JSON.stringify(source)}: exit ${r.status}, stderr ${r.stderr}`;
        expect([0, 2], what).toContain(r.status);
        expect(r.stderr, what).not.toMatch(/\n\s+at /);
        if (r.status === 2) {
          const lines = r.stderr.trimEnd().split('\n');
          expect(lines, what).toHaveLength(1);
          expect(lines[0].length, what).toBeLessThan(300);
        }
      }));
    }
  });
});
