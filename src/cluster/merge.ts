import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { defaultBackend, useBackend } from '../backends/registry.ts';
import { classifyBasins } from '../basins/classify.ts';
import { matchKnown } from '../basins/match-known.ts';
import { BasinAccumulator } from '../basins/summarize.ts';
import type { BasinSummary } from '../basins/types.ts';
import type { KnownPoint } from '../objectives/types.ts';
import { argsFromConfig, prepareMap } from '../cli/map-setup.ts';
import { writeMapContent } from '../io/map-outputs.ts';
import { openRunDir } from '../io/run-dir.ts';
import { convergenceTimes } from '../science/convergence.ts';
import { BASINMAP_VERSION, summaryDocument } from '../io/summary-json.ts';
import { DEFAULT_CLASSIFY_LIMIT } from '../map.ts';
import { MANIFEST_FILE, recordingSink, slurmContext, type Manifest } from './manifest.ts';
import { differingOptions, hashOptions, resultOptions } from './options-hash.ts';
import { shellQuote } from './sbatch.ts';
import { arrayList } from './shard-range.ts';
import { readShardsInOrder, shardRows } from './shard-rows.ts';
import { problemLine, surveyShards, type GoodShard } from './survey.ts';

export interface MergeRequest {
  /** The --out the shards were written to (RUN, holding RUN/shards/<k>-of-<K>). */
  run: string;
  /** Where the merged run goes; default RUN/merged. */
  out?: string;
  /** The command line, for the lock and the manifest. */
  command?: string;
  /** Lines the user should see; the library never prints. */
  onNote?: (line: string) => void;
}

export interface MergeResult {
  K: number;
  n: number;
  summary: BasinSummary;
  known: (KnownPoint | undefined)[];
  /** summary.json's content. */
  document: Record<string, unknown>;
  engine: { name: string; reason: string };
  backend: string;
  written: string[];
  /** Wall time of reading and clustering, of classifying, and of writing. */
  seconds: { cluster: number; classify: number; write: number };
}

/**
 * Joins the shards of RUN into the run one machine would have written: checks that all K are
 * there, complete and alike (surveyShards), clusters every end point again in start order (so
 * basin numbers are the sweep's, not a shard's), classifies, and writes summary.json, the
 * per-start files and basin-map.png through the same writer as `map`, into RUN/merged.
 *
 * It streams: the shards are read twice, batch by batch (to cluster, then to write). Memory is
 * 8 bytes a start (every start's outcome and iterations) plus, per basin, its leader and best point; drawing
 * basin-map.png adds the starting points (4·d bytes a start) and the picture's own ~12 bytes a
 * start. Shards that are missing, partial, damaged or made with other options stop it before it
 * writes anything, with one line that names them and the command that reruns exactly those.
 */
export async function mergeShards(req: MergeRequest): Promise<MergeResult> {
  const survey = surveyShards(req.run);
  const rerun = (ks: number[]) => rerunCommand(req.run, survey.K, ks, survey.shards);
  if (survey.problems.size > 0) throw new UserError(problemLine(req.run, survey.K, survey.problems, rerun));
  const shards = survey.shards;
  const ref = shards[0].manifest;
  if (!ref.config) throw new UserError(`${join(req.run, 'shards')}: the shards record no options (written by another program?): run them again with basinmap map --shard`);
  const args = argsFromConfig(ref.config);
  const setup = await prepareMap(args);
  const options = await resultOptions(setup, args, ref.backend.name);
  if (hashOptions(options) !== ref.optionsHash) {
    throw new UserError(`the shards' options do not mean the same to this basinmap ${BASINMAP_VERSION} (${differingOptions(options, ref.options).join(', ')} differ; shards by ${ref.version}): merge with the basinmap that made them`);
  }
  await useShardBackend(ref.backend.name, req.onNote);

  const t0 = performance.now();
  const basins = new BasinAccumulator(ref.n, setup.d, { box: setup.descent.box, sense: setup.descent.sense, distance: args.clusterTol });
  // Every start's iterations too (4 bytes a start), for the per-basin convergence times.
  const nit = new Int32Array(ref.n);
  let read = 0;
  const damaged = readShardsInOrder(shards, setup.d, (r) => {
    basins.add(r);
    nit.set(r.nit, read);
    read += r.n;
  });
  if (damaged.size > 0) throw new UserError(problemLine(req.run, survey.K, damaged, rerun));
  const t1 = performance.now();
  const summary = await classifyBasins(basins.finish(), setup.objective.f, setup.box, DEFAULT_CLASSIFY_LIMIT, setup.objective.known(setup.d));
  const known = matchKnown(summary.basins, setup.objective.known(setup.d), summary.tolerances.distance);
  const t2 = performance.now();

  const out = req.out ?? join(req.run, 'merged');
  const sum = (key: string) => shards.reduce((acc, s) => acc + (s.manifest.seconds[key] ?? 0), 0);
  // Compile and descent: the shards' together (machine time, not wall time); summary: this merge's.
  const seconds = { compile: sum('compile'), descent: sum('descent'), summary: (t2 - t0) / 1000 };
  const config = { ...ref.config, shard: null, out: resolve(out) };
  const document = summaryDocument(summary, {
    objective: setup.objective,
    d: setup.d,
    box: setup.box,
    descent: setup.descent,
    stepSize: setup.settled.auto,
    dtype: args.dtype,
    control: setup.control,
    starts: ref.starts,
    backend: ref.backend,
    engine: ref.engine,
    seconds,
    known,
    partial: false,
    config,
    convergence: convergenceTimes(summary.outcome, nit),
  });

  const run = openRunDir(out, { command: req.command, onNote: req.onNote });
  try {
    const sink = recordingSink(run);
    const rows = shardRows(shards, ref.n, setup.d, summary.outcome);
    const written = await writeMapContent(sink, { objective: setup.objective, descent: setup.descent, starts: ref.starts.describe, summary, rows, startPoints: () => rows.startPoints(), document }, { formats: setup.formats, png: setup.png });
    const manifest: Manifest & { sources: unknown[] } = {
      ...ref,
      kind: 'run',
      shard: null,
      range: { from: 0, to: ref.n },
      rows: ref.n,
      partial: false,
      finished: ref.n,
      config,
      command: req.command ?? 'mergeShards',
      seconds,
      host: hostname(),
      slurm: slurmContext(),
      writtenAt: new Date().toISOString(),
      rowsSha256: null,
      files: { ...sink.files },
      // Where each part was computed: the merged files themselves do not depend on it.
      sources: shards.map((s) => ({ shard: s.manifest.shard, range: s.manifest.range, host: s.manifest.host, slurm: s.manifest.slurm, seconds: s.manifest.seconds, writtenAt: s.manifest.writtenAt, rowsSha256: s.manifest.rowsSha256 })),
    };
    await sink.write(MANIFEST_FILE, JSON.stringify(manifest, null, 2) + '\n');
    const committed = run.commit();
    const t3 = performance.now();
    return {
      K: survey.K, n: ref.n, summary, known, document, engine: ref.engine, backend: ref.backend.name,
      written: committed.filter((f) => !f.endsWith(MANIFEST_FILE)),
      seconds: { cluster: (t1 - t0) / 1000, classify: (t2 - t1) / 1000, write: (t3 - t2) / 1000 },
    };
  } finally {
    run.close();
  }
}

/**
 * The Hessians (classification) and the picture's contours are computed on tfjs: on the shards'
 * backend they come out as one machine's run would. Where that backend is missing (GPU shards,
 * a CPU-only merge node) another one serves, and the eigenvalues may differ in the last bits.
 */
async function useShardBackend(name: string, onNote?: (line: string) => void): Promise<void> {
  try {
    await useBackend(name);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const other = await defaultBackend();
    onNote?.(`the shards ran on backend ${name}, which is unavailable here (${e.message}): classifying on ${other}, whose eigenvalues may differ in the last bits`);
    await useBackend(other);
  }
}

/** The command that reruns exactly shards `ks`: the job array's script when there is one, else a loop over the shards' own command. */
export function rerunCommand(run: string, K: number, ks: number[], good: GoodShard[]): string {
  const script = join(run, 'slurm', 'map.sbatch');
  if (existsSync(script)) return `sbatch --array=${arrayList(ks)} ${shellQuote(resolve(script))}`;
  const argv = good[0]?.manifest.argv;
  const command = argv ? `basinmap ${withShardAndOut(argv, run)}` : `basinmap map <the sweep's options> --shard "$k/${K}" --out ${shellQuote(run)}`;
  return `for k in ${ks.join(' ')}; do ${command.replace('"$k/K"', `"$k/${K}"`)}; done`;
}

/** A shard's arguments, quoted for bash, with --shard "$k/K" and --out RUN (the run being merged, wherever the shard was written). */
function withShardAndOut(argv: string[], run: string): string {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(shard|out)(=.*)?$/.exec(argv[i]);
    if (!m) {
      words.push(shellQuote(argv[i]));
      continue;
    }
    if (m[2] === undefined) i++;
    words.push(m[1] === 'shard' ? '--shard "$k/K"' : `--out ${shellQuote(run)}`);
  }
  return words.join(' ');
}
