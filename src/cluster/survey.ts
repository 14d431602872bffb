import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { shortPath } from '../io/fs-errors.ts';
import { ENDPOINTS_FILE } from './endpoints-file.ts';
import { readManifest, type Manifest } from './manifest.ts';
import { differingOptions } from './options-hash.ts';
import { arrayList, parseShardName, shardName, shardRange } from './shard-range.ts';

/** A complete shard, ready to merge. */
export interface GoodShard {
  k: number;
  dir: string;
  manifest: Manifest;
}

/** Shards that cannot be merged, and why, by shard index. */
export type Problems = Map<number, string>;

export interface ShardSurvey {
  run: string;
  K: number;
  /** Every shard, in order, when all are complete and agree; see problems otherwise. */
  shards: GoodShard[];
  problems: Problems;
}

/**
 * Looks at RUN/shards before a merge reads anything: all K shards present and complete, made
 * with the same options, on the same engine, their ranges covering every start once. Whatever
 * fails is collected per shard, so that one message can name every shard to rerun.
 */
export function surveyShards(run: string): ShardSurvey {
  const root = join(run, 'shards');
  if (!existsSync(run)) throw new UserError(`${shortPath(run)} does not exist: give the --out of the shards (basinmap map ... --shard k/K --out RUN)`);
  const names = existsSync(root) ? readdirSync(root).filter((f) => parseShardName(f)) : [];
  if (names.length === 0) throw new UserError(`${shortPath(run)} holds no shards (${shortPath(root)}/<k>-of-<K>): run basinmap map ... --shard k/K --out ${shortPath(run)} first`);
  const cuts = [...new Set(names.map((f) => parseShardName(f)!.K))].sort((a, b) => a - b);
  if (cuts.length > 1) throw new UserError(`${shortPath(root)} mixes ${cuts.length} cuts of the sweep (${cuts.map((K) => `*-of-${K}`).join(', ')}): keep one (remove the others' directories) and merge again`);
  const K = cuts[0];
  const problems: Problems = new Map();
  const found: GoodShard[] = [];
  for (let k = 0; k < K; k++) {
    const dir = join(root, shardName({ k, K }));
    if (!existsSync(dir)) {
      problems.set(k, 'missing');
      continue;
    }
    const m = readManifest(dir);
    if ('problem' in m) problems.set(k, m.problem);
    else if (m.manifest.partial) problems.set(k, `partial (${m.manifest.finished} of ${m.manifest.rows} starts finished)`);
    else if (!m.manifest.rowsSha256 || !existsSync(join(dir, ENDPOINTS_FILE))) problems.set(k, `no ${ENDPOINTS_FILE}`);
    else found.push({ k, dir, manifest: m.manifest });
  }
  agree(found, problems, K);
  return { run, K, shards: found.filter((s) => !problems.has(s.k)), problems };
}

/**
 * The options of the sweep are those most shards share (ties: shard 0's side); a shard made with
 * others is refused, never merged. So are a wrong range and another engine than the rest.
 */
function agree(found: GoodShard[], problems: Problems, K: number): void {
  const groups = new Map<string, GoodShard[]>();
  for (const s of found) groups.set(s.manifest.optionsHash, [...(groups.get(s.manifest.optionsHash) ?? []), s]);
  const main = [...groups.values()].sort((a, b) => b.length - a.length || a[0].k - b[0].k)[0];
  if (!main) return;
  const ref = main[0].manifest;
  for (const s of found) {
    const m = s.manifest;
    if (m.optionsHash !== ref.optionsHash) {
      problems.set(s.k, `made with other options (${differingOptions(m.options, ref.options).join(', ') || 'basinmap version'})`);
      continue;
    }
    const want = shardRange({ k: s.k, K }, ref.n);
    if (m.shard?.k !== s.k || m.shard?.K !== K || m.range.from !== want.from || m.range.to !== want.to || m.rows !== want.to - want.from) {
      problems.set(s.k, `holds starts ${m.range.from} to ${m.range.to - 1}, not shard ${s.k} of ${K}'s ${want.from} to ${want.to - 1}`);
    } else if (m.engine.name !== ref.engine.name) {
      // Engines agree with each other to rounding, not bit for bit: a sweep is one engine's.
      problems.set(s.k, `ran on engine ${m.engine.name}, shard ${main[0].k} on ${ref.engine.name} (add --engine ${ref.engine.name} to the shards' command)`);
    }
  }
}

/** One line naming every shard to rerun and the command that reruns exactly those. */
export function problemLine(run: string, K: number, problems: Problems, rerun: (ks: number[]) => string): string {
  const ks = [...problems.keys()].sort((a, b) => a - b);
  const byWhy = new Map<string, number[]>();
  for (const k of ks) {
    const why = problems.get(k)!;
    const key = why.startsWith('partial') ? 'partial (interrupted)' : why;
    byWhy.set(key, [...(byWhy.get(key) ?? []), k]);
  }
  const what = [...byWhy].map(([why, list]) => `${list.length === 1 ? 'shard' : 'shards'} ${arrayList(list)} ${why}`).join('; ');
  return `cannot merge ${shortPath(run)}, ${ks.length} of ${K} shards not ready: ${what}. Rerun exactly those, then merge again: ${rerun(ks)}`;
}
