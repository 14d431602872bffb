import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneErrorLine, runCli } from '../support/cli.ts';
import { snapshot } from './snapshot.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-faults-'));

describe('paths that cannot work as given', () => {
  it('refuses trace --csv naming a directory, with exit 2 and the fix', () => {
    const dir = tmp();
    const r = runCli(['trace', 'poly1d', '--x0', '2', '--csv', dir]);
    expect(r.status).toBe(2);
    expect(oneErrorLine(r.stderr)).toBe(`basinmap: error: --csv ${dir} is a directory: give a file name, e.g. --csv ${join(dir, 'trace.csv')}`);
    expect(readdirSync(dir)).toEqual([]);
  });

  for (const [command, args] of [
    ['map', ['map', 'himmelblau', '--grid', '5', '--backend', 'cpu']],
    ['trace', ['trace', 'poly1d', '--x0', '2']],
  ] as const) {
    it(`refuses ${command} --out "" instead of writing nothing and exiting 0`, () => {
      const r = runCli([...args, '--out', '']);
      expect(r.status).toBe(2);
      expect(oneErrorLine(r.stderr)).toBe('basinmap: error: --out is empty: give a directory, e.g. --out out/run');
    });
  }

  it('refuses --out inside /proc at once (Node\'s recursive mkdir loops forever there)', () => {
    // 60 s: far beyond the few seconds the refusal takes under load, far below the test's limit.
    const r = runCli(['map', 'himmelblau', '--grid', '5', '--backend', 'cpu', '--out', '/proc/self/nope'], { timeoutMs: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(oneErrorLine(r.stderr)).toBe('basinmap: error: /proc/self/nope is on the proc pseudo file system, which cannot hold files: choose another --out');
  });

  it('refuses a directory holding files basinmap did not write, naming them and touching nothing', () => {
    const dir = join(tmp(), 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'my notes');
    writeFileSync(join(dir, 'summary.json'), '{}');
    const before = snapshot(dir);
    const r = runCli(['map', 'himmelblau', '--grid', '5', '--backend', 'cpu', '--out', dir]);
    expect(r.status).toBe(2);
    expect(oneErrorLine(r.stderr)).toBe(`basinmap: error: --out ${dir} holds files basinmap did not write (notes.txt), which replacing it would delete: move them, or choose another --out`);
    expect(snapshot(dir)).toEqual(before);
  });

  // Each found after --out was checked and locked: the lock, and the parents made for it, go again.
  const late: [string, string[], RegExp][] = [
    ['an unknown backend', ['--backend', 'nope'], /unknown backend "nope"/],
    ['float64 on the tfjs engine', ['--backend', 'cpu', '--engine', 'tfjs', '--dtype', 'float64'], /tfjs computes in float32 only: drop --engine tfjs or --dtype float64/],
    ['the fused engine for an objective that does not compile', ['--backend', 'cpu', '--engine', 'fused', '--objective', new URL('../../examples/bowl.ts', import.meta.url).pathname], /fused/],
  ];
  for (const [what, args, message] of late) {
    it(`leaves nothing behind after ${what}`, () => {
      const parent = tmp();
      const r = runCli(['map', ...(args.includes('--objective') ? [] : ['himmelblau']), '--grid', '5', ...args, '--out', join(parent, 'a', 'b', 'run')]);
      expect(r.status).toBe(2);
      expect(oneErrorLine(r.stderr)).toMatch(message);
      expect(readdirSync(parent)).toEqual([]);
    });
  }
});

// 300 s: the --debug test runs the CLI twice, 45 s under load; the limit only catches a hang.
// A throw in f is the module's problem, said as bad input (exit 2); known(), which basinmap calls
// unguarded after the descent, is the real path by which an error nobody foresaw reaches main().
describe('an unexpected error (here, thrown by the module\'s known())', { timeout: 300_000 }, () => {
  const dir = tmp();
  const mod = join(dir, 'boom.ts');
  writeFileSync(mod, "import * as tf from '@tensorflow/tfjs-core';\nexport default { name: 'boom', dim: 2, box: [[-1, 1], [-1, 1]], f: (x: tf.Tensor2D) => tf.sum(tf.square(x), 1), known: () => { throw new Error('boom in f'); } };\n");
  const args = ['map', '--objective', mod, '--grid', '5', '--backend', 'cpu', '--engine', 'tfjs', '--out', join(dir, 'run')];

  it('is one line pointing at --debug, exit 70, and leaves no output', () => {
    const r = runCli(args);
    expect(r.status).toBe(70);
    expect(oneErrorLine(r.stderr, 'basinmap: unexpected error: ')).toBe('basinmap: unexpected error: boom in f (run with --debug for the stack trace)');
    expect(readdirSync(dir)).toEqual(['boom.ts']);
  });

  it('shows its stack trace with --debug or BASINMAP_DEBUG=1', () => {
    for (const r of [runCli([...args, '--debug']), runCli(args, { env: { BASINMAP_DEBUG: '1' } })]) {
      expect(r.status).toBe(70);
      expect(r.stderr).toMatch(/^basinmap: unexpected error .*\nError: boom in f\n\s+at /);
    }
  });
});
