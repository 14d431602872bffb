import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { wilson } from '../../src/basins/wilson.ts';
import { loadConfigFile, type OptionTable } from '../../src/cli/options/config.ts';
import { runCli } from '../support/cli.ts';
import { NATIVE, skipBecause } from '../kernels/support/native.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-config-'));

// The option table yargs builds for a command like map's (what configOption hands the loader).
const table = (yargs([]) as unknown as { option(k: string, o: object): unknown })
  .option('grid', { type: 'string' }) as { option(k: string, o: object): unknown };
table.option('max-iter', { type: 'number', default: 1000 });
table.option('lr', { type: 'number' });
table.option('compact', { type: 'boolean', default: true });
table.option('optimizer', { type: 'string', choices: ['gd', 'adam'] });
const options = (table as unknown as { getOptions(): OptionTable }).getOptions();

function load(name: string, text: string) {
  const path = join(tmp(), name);
  writeFileSync(path, text);
  return () => loadConfigFile(path, options);
}

describe('config file loading', () => {
  it('takes kebab-case or camelCase keys, YAML or JSON, and leaves null options unset', () => {
    expect(load('a.yaml', 'max-iter: 50\ngrid: 20\ncompact: false\nlr: null\n')()).toEqual({ 'max-iter': 50, grid: '20', compact: false });
    expect(load('a.json', '{"maxIter": 5e2, "optimizer": "adam"}')()).toEqual({ 'max-iter': 500, optimizer: 'adam' });
    expect(load('a.yml', 'lr: 1e-3\n')()).toEqual({ lr: 0.001 });
    expect(load('b.yaml', 'grid: [30, 20]\n')()).toEqual({ grid: '30,20' });
  });

  const bad: [string, string, string, RegExp][] = [
    ['an unknown key', 'a.json', '{"lrate": 0.1}', /a\.json: unknown option "lrate"/],
    ['JSON that does not parse', 'a.json', '{"lr": 0.1', /a\.json: not valid JSON: /],
    ['YAML that does not parse', 'a.yaml', 'lr: [0.1\n', /a\.yaml: not valid YAML: /],
    ['a list instead of a mapping', 'a.yaml', '- lr: 1\n', /a\.yaml: must be a mapping of option names to values/],
    ['an empty file', 'a.yaml', '', /a\.yaml: must be a mapping/],
    ['a text where a number goes', 'a.json', '{"max-iter": "many"}', /a\.json: "max-iter" must be a number, got "many"/],
    ['a mapping where a text goes', 'a.yaml', 'grid: {x: 1}\n', /a\.yaml: "grid" must be a string, got {"x":1}/],
    ['a number where true/false goes', 'a.yaml', 'compact: 0\n', /a\.yaml: "compact" must be true or false, got 0/],
    ['a value outside the choices', 'a.json', '{"optimizer": "sgd"}', /a\.json: "optimizer" must be one of gd, adam, got "sgd"/],
    ['one option under two spellings', 'a.json', '{"max-iter": 1, "maxIter": 2}', /a\.json: "maxIter" and "max-iter" are the same option/],
    ['an unknown extension', 'a.toml', 'lr = 1', /a\.toml: unknown format ".toml": name it \.json, \.yaml or \.yml/],
  ];
  for (const [what, name, text, message] of bad) {
    it(`rejects ${what}, naming the file, in one line`, () => {
      expect(load(name, text)).toThrow(message);
      try {
        load(name, text)();
      } catch (e) {
        expect((e as Error).name).toBe('UserError');
        expect((e as Error).message).not.toContain('\n');
        expect((e as Error).message).toMatch(/^config file \/.*: /);
      }
    });
  }

  it('rejects a file that does not exist', () => {
    expect(() => loadConfigFile('/nonexistent/sweep.json', options)).toThrow(/^config file \/nonexistent\/sweep\.json: cannot read it \(ENOENT\)$/);
  });
});

describe('basinmap map --config', () => {
  it('stops on a bad config file with one line on stderr, exit 2 and no files', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'sweep.yaml'), 'fn: himmelblau\nlearning-rate: 0.1\n');
    for (const config of ['sweep.yaml', 'missing.json']) {
      const r = runCli(['map', '--config', join(dir, config), '--backend', 'cpu', '--out', join(dir, 'out')]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^basinmap: error: config file .*${config.replace('.', '\\.')}: (unknown option "learning-rate"|cannot read it)`))]);
    }
    expect(() => readdirSync(join(dir, 'out'))).toThrow();
  });

  it('records every option in summary.json, and that config reruns the run: identical starts files', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'sweep.yaml'), [
      'fn: himmelblau', 'grid: 12', 'backend: wasm', 'optimizer: adam', 'lr: 0.05', 'max-iter: 300',
      'check-every: 5', 'quiet: true', 'format: csv,parquet', `out: ${join(dir, 'never-used')}`, '',
    ].join('\n'));
    // Flags override the file: --lr and --out here win over its lr and out.
    const first = runCli(['map', '--config', join(dir, 'sweep.yaml'), '--lr', '0.02', '--out', join(dir, 'first')]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'first', 'summary.json'), 'utf8'));
    expect(summary.config).toMatchObject({
      fn: 'himmelblau', grid: '12', backend: 'wasm', optimizer: 'adam', lr: 0.02, maxIter: 300, checkEvery: 5,
      out: join(dir, 'first'), format: 'csv,parquet',
      // Chosen by map itself, recorded so the rerun does not depend on defaults:
      dim: 2, box: '-5,5,-5,5', sampler: 'grid', seed: 0, chunk: expect.any(Number),
      // Unset options are listed too, as null:
      beta1: null, clusterTol: null, startsFile: null,
    });
    expect(summary.config).not.toHaveProperty('config');
    expect(summary.versions).toMatchObject({ node: process.version, basinmap: expect.any(String), '@tensorflow/tfjs-core': '4.22.0' });
    for (const b of summary.basins) expect(b.fractionCI95).toEqual(wilson(b.count, summary.counts.n));

    writeFileSync(join(dir, 'again.json'), JSON.stringify(summary.config));
    const again = runCli(['map', '--config', join(dir, 'again.json'), '--out', join(dir, 'again')]);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    const rerun = JSON.parse(readFileSync(join(dir, 'again', 'summary.json'), 'utf8'));
    expect({ ...rerun.config, out: null }).toEqual({ ...summary.config, out: null });
    expect(readFileSync(join(dir, 'again', 'starts.csv'), 'utf8')).toBe(readFileSync(join(dir, 'first', 'starts.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'again', 'starts.parquet')).equals(readFileSync(join(dir, 'first', 'starts.parquet')))).toBe(true);
  });

  it('reads paths in the file relative to the file, and records them absolute', () => {
    const dir = tmp();
    const elsewhere = tmp();
    writeFileSync(join(dir, 'starts.json'), JSON.stringify([[3.1, 2.1], [-2.7, 3.0]]));
    writeFileSync(join(dir, 'sweep.yaml'), ['fn: himmelblau', 'starts-file: starts.json', 'out: results', 'backend: cpu', 'quiet: true', ''].join('\n'));
    const r = runCli(['map', '--config', join(dir, 'sweep.yaml')], { cwd: elsewhere });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);
    const summary = JSON.parse(readFileSync(join(dir, 'results', 'summary.json'), 'utf8'));
    expect(summary.counts.n).toBe(2);
    expect([summary.config.startsFile, summary.config.out]).toEqual([join(dir, 'starts.json'), join(dir, 'results')]);
  });
});

describe('basinmap map without --chunk', () => {
  const chunkOf = (engine: string, extra: string[] = []) => {
    const out = join(tmp(), 'run');
    const r = runCli(['map', 'himmelblau', '--grid', '8', '--engine', engine, '--quiet', '--no-png', '--out', out, ...extra]);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.control.chunkRows).toBe(summary.config.chunk);
    return summary.config.chunk as number;
  };

  it('runs and records the chunk the engine prefers (the driver\'s 2^21 / d rows for fused-cpu), or the one asked for', () => {
    expect(chunkOf('fused-cpu')).toBe(2 ** 20);
    expect(chunkOf('fused-cpu', ['--chunk', '7'])).toBe(7);
  });

  it('records the native engine\'s larger chunk (2^24 / d rows, at most 2^21) where it runs', (ctx) => {
    if (!NATIVE.available) return skipBecause(ctx, `the native engine is not available here: ${NATIVE.why}`);
    expect(chunkOf('native')).toBe(2 ** 21);
  });
});
