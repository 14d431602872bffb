import { describe, expect, it } from 'vitest';
import { arrayList, parseShard, parseShardName, shardName, shardRange } from '../../src/cluster/shard-range.ts';

describe('shards of a sweep', () => {
  it('cover every start once, in order, with sizes that differ by at most one', () => {
    for (const [n, K] of [[40_000, 4], [10, 3], [7, 7], [1_000_000_007, 16], [2 ** 32, 1000]]) {
      const ranges = Array.from({ length: K }, (_, k) => shardRange({ k, K }, n));
      expect(ranges[0].from).toBe(0);
      expect(ranges[K - 1].to).toBe(n);
      for (let k = 1; k < K; k++) expect(ranges[k].from).toBe(ranges[k - 1].to);
      const sizes = ranges.map((r) => r.to - r.from);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('reads k/K, and auto/K from the Slurm array task index', () => {
    expect(parseShard('3/16')).toEqual({ k: 3, K: 16 });
    expect(parseShard('auto/4', { SLURM_ARRAY_TASK_ID: '2' })).toEqual({ k: 2, K: 4 });
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['3', {}, /must be k\/K/],
    ['4/4', {}, /k must be below K \(shards are numbered 0 to 3\)/],
    ['0/0', {}, /K must be a whole number ≥ 1/],
    ['auto/4', {}, /\$SLURM_ARRAY_TASK_ID, which is not set/],
    ['auto/4', { SLURM_ARRAY_TASK_ID: '7' }, /task 7.*k must be below K/],
  ];
  for (const [text, env, message] of bad) {
    it(`refuses --shard ${text}${env.SLURM_ARRAY_TASK_ID ? ` in task ${env.SLURM_ARRAY_TASK_ID}` : ''} with one line saying what to give`, () => {
      expect(() => parseShard(text, env)).toThrow(message);
    });
  }

  it('names shard directories k-of-K and reads them back, ignoring anything else', () => {
    expect(shardName({ k: 3, K: 16 })).toBe('3-of-16');
    expect(parseShardName('3-of-16')).toEqual({ k: 3, K: 16 });
    for (const other of ['16-of-16', '.3-of-16.lock', '3-of-16.staging', 'notes']) expect(parseShardName(other)).toBeUndefined();
  });

  it('writes task lists as sbatch --array takes them, runs shortened', () => {
    expect(arrayList([17, 3, 5, 6, 7, 9, 10])).toBe('3,5-7,9,10,17');
    expect(arrayList([0])).toBe('0');
  });
});
