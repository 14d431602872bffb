import { UserError } from '../../core/errors.ts';

/** Shard k of K (k from 0, as Slurm numbers array tasks). */
export interface Shard {
  k: number;
  K: number;
}

/**
 * `--shard k/K`, or `auto/K` with k from $SLURM_ARRAY_TASK_ID (the task's index in a job array,
 * which `basinmap slurm` numbers 0..K−1).
 */
export function parseShard(text: string, env: Record<string, string | undefined> = process.env): Shard {
  const m = /^\s*(auto|\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UserError(`--shard "${text}" must be k/K (shard k of K, k from 0), like --shard 3/16, or auto/16 inside a Slurm job array`);
  const K = Number(m[2]);
  if (!(K >= 1 && Number.isSafeInteger(K))) throw new UserError(`--shard ${text}: K must be a whole number ≥ 1`);
  let k: number;
  if (m[1] === 'auto') {
    const id = env.SLURM_ARRAY_TASK_ID;
    if (id === undefined || id === '') throw new UserError(`--shard auto/${K} takes k from $SLURM_ARRAY_TASK_ID, which is not set: run it in a Slurm job array, or give k (--shard 0/${K})`);
    if (!/^\d+$/.test(id)) throw new UserError(`--shard auto/${K}: $SLURM_ARRAY_TASK_ID is "${id}", not a task index`);
    k = Number(id);
  } else k = Number(m[1]);
  if (k >= K) throw new UserError(`--shard ${m[1] === 'auto' ? `auto/${K} (task ${k})` : text}: k must be below K (shards are numbered 0 to ${K - 1})`);
  return { k, K };
}

/**
 * The starts of shard k of K among n: a contiguous range [from, to), the ranges of the K shards
 * covering 0..n−1 once, their sizes differing by at most one.
 */
export function shardRange(s: Shard, n: number): { from: number; to: number } {
  return { from: Math.floor((s.k * n) / s.K), to: Math.floor(((s.k + 1) * n) / s.K) };
}

/** The shard's directory name under RUN/shards: "3-of-16". */
export function shardName(s: Shard): string {
  return `${s.k}-of-${s.K}`;
}

export function parseShardName(name: string): Shard | undefined {
  const m = /^(\d+)-of-(\d+)$/.exec(name);
  if (!m) return undefined;
  const s = { k: Number(m[1]), K: Number(m[2]) };
  return s.k < s.K ? s : undefined;
}

/** Task indexes as sbatch --array takes them, runs shortened: [3, 5, 6, 7, 17] → "3,5-7,17". */
export function arrayList(ks: readonly number[]): string {
  const sorted = [...new Set(ks)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : j === i + 1 ? `${sorted[i]},${sorted[j]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
