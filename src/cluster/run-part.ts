import { readdirSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { StartResults } from '../../core/results.ts';
import { STATUS } from '../../core/status.ts';
import type { MapArgs, MapSetup } from '../cli/map-setup.ts';
import { rangeRows } from '../descent/resume.ts';
import { shortPath } from '../io/fs-errors.ts';
import { BASINMAP_VERSION } from '../io/summary-json.ts';
import type { MapJob, MapJobResult } from '../job/map-job.ts';
import { ENDPOINTS_FILE, endpointsChunks, readEndpoints } from './endpoints-file.ts';
import { MANIFEST_FILE, readManifest, slurmContext, type Manifest, type RecordingSink } from './manifest.ts';
import { differingOptions, hashOptions, resultOptions } from './options-hash.ts';
import { parseShard, parseShardName, shardName, shardRange, type Shard } from './shard-range.ts';

/** What one `map --out` run writes and starts from: a whole sweep, or one shard of it, maybe resumed. */
export interface RunPart {
  /** The directory it writes: --out, or --out/shards/<k>-of-<K>. */
  dir: string;
  shard?: Shard;
  /** Its starts, numbered as in the whole sweep: [from, to). */
  range: { from: number; to: number };
  options: Record<string, unknown>;
  hash: string;
  /** The unfinished run found in `dir`, to finish rather than start over. */
  previous?: StartResults;
  /** Set when there is nothing to do: the line that says why. */
  skip?: string;
  /** What was found in `dir` and what is done about it, for the user. */
  note?: string;
}

/**
 * Decides, before any descent, what this run does with --out: the shard's directory and range
 * (--shard), and what an earlier run left there. A complete shard with the same options is
 * skipped, a partial one (SIGTERM from Slurm, Ctrl-C) is resumed, and one made with other
 * options is refused, never overwritten. A whole run resumes only with --resume; without it
 * --out is replaced as before.
 */
export async function planPart(a: MapArgs & { out: string }, setup: MapSetup, backend: string): Promise<RunPart> {
  const n = setup.starts.n;
  const shard = a.shard === undefined ? undefined : parseShard(a.shard);
  if (shard && shard.K > n) throw new UserError(`--shard ${a.shard}: ${shard.K} shards of ${n} starts would leave some empty: use at most ${n} shards`);
  if (shard) refuseOtherCuts(a.out, shard.K);
  const dir = shard ? join(a.out, 'shards', shardName(shard)) : a.out;
  const range = shard ? shardRange(shard, n) : { from: 0, to: n };
  const options = await resultOptions(setup, a, backend);
  const part: RunPart = { dir, shard, range, options, hash: hashOptions(options) };
  if (!(shard || a.resume) || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    if (a.resume && !shard) part.note = `nothing to resume in ${shortPath(dir)}: running every start`;
    return part;
  }
  const what = shard ? `shard ${shard.k}/${shard.K} (starts ${range.from} to ${range.to - 1})` : 'the run';
  const found = readManifest(dir);
  if ('problem' in found) {
    // A shard without a readable manifest never finished writing: it is done again. A whole run
    // without one was written by an older basinmap, and holds nothing a resume could trust.
    if (shard) {
      part.note = `${shortPath(dir)}: ${found.problem}: running ${what} again`;
      return part;
    }
    throw new UserError(`--resume: ${shortPath(dir)} has ${found.problem}, so it cannot be resumed: drop --resume to replace it`);
  }
  const m = found.manifest;
  if (m.optionsHash !== part.hash) {
    const differ = differingOptions(m.options, options).join(', ') || 'basinmap version';
    throw new UserError(`${shortPath(dir)} holds ${what} made with other options (${differ}): remove it to redo it with these options, or run with the options it was made with`);
  }
  if (!m.partial) {
    part.skip = `${what} is already complete in ${shortPath(dir)} with these options: nothing to do`;
    return part;
  }
  const previous = loadPrevious(dir, m, range.to - range.from, setup.d);
  if (typeof previous === 'string') {
    part.note = `${shortPath(dir)} is partial but ${previous}: running ${what} again`;
    return part;
  }
  part.previous = previous;
  const done = previous.n - previous.status.filter((s) => s === STATUS.interrupted.code).length;
  part.note = `resuming ${what} from ${shortPath(dir)}: ${done} of ${previous.n} starts were finished, running the other ${previous.n - done}`;
  return part;
}

/** The results an interrupted run saved, checked against its manifest; or what is wrong with them. */
function loadPrevious(dir: string, m: Manifest, rows: number, d: number): StartResults | string {
  try {
    const { results, sha256 } = readEndpoints(join(dir, ENDPOINTS_FILE));
    if (sha256 !== m.rowsSha256) return `its ${ENDPOINTS_FILE} does not match its manifest's checksum (damaged)`;
    if (results.n !== rows || results.d !== d) return `its ${ENDPOINTS_FILE} holds ${results.n} rows of ${results.d}, not ${rows} of ${d}`;
    return results;
  } catch (e) {
    return `its ${ENDPOINTS_FILE} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
}

/** One sweep is cut one way: shards of another K in RUN/shards would never merge with these. */
export function refuseOtherCuts(run: string, K: number): void {
  let names: string[] = [];
  try {
    names = readdirSync(join(run, 'shards'));
  } catch {
    return;
  }
  const other = names.map(parseShardName).find((s) => s && s.K !== K);
  if (other) throw new UserError(`${shortPath(join(run, 'shards'))} holds shards of another cut (${shardName(other)}): use --shard k/${other.K} for this sweep, or another --out`);
}

/** The shard's starts, numbered from 0, described as the shard they are. */
export function partStarts(setup: MapSetup, part: RunPart): MapJob['starts'] {
  if (!part.shard) return setup.starts;
  const { from, to } = part.range;
  return { ...rangeRows(setup.starts, from, to), describe: `${setup.starts.describe}; shard ${part.shard.k} of ${part.shard.K}: starts ${from} to ${to - 1}` };
}

/**
 * Writes what makes the directory a part a merge or a resume can read: endpoints.bin (a shard's
 * or an interrupted run's exact rows; a complete single run does not need it) and the manifest,
 * last, with the size and checksum of every file the sink wrote.
 */
export async function writePartRecord(sink: RecordingSink, part: RunPart, setup: MapSetup, job: MapJob, r: MapJobResult, command: { line: string; argv: string[] }): Promise<string[]> {
  const results = r.map.results;
  const written: string[] = [];
  if (part.shard || r.partial) written.push(await sink.write(ENDPOINTS_FILE, endpointsChunks(results)));
  const manifest: Manifest = {
    tool: 'basinmap',
    manifest: 1,
    version: BASINMAP_VERSION,
    kind: part.shard ? 'shard' : 'run',
    shard: part.shard ?? null,
    range: part.range,
    rows: results.n,
    n: setup.starts.n,
    d: setup.d,
    partial: r.partial,
    finished: r.map.summary.n - r.map.summary.counts.interrupted,
    optionsHash: part.hash,
    options: part.options,
    config: job.recordConfig?.(r.backend, r.map.chunkRows) ?? null,
    command: command.line,
    argv: command.argv,
    starts: { describe: setup.starts.describe, spec: setup.spec },
    engine: r.map.engine,
    backend: { name: r.backend, probe: r.probe },
    seconds: r.map.seconds,
    host: hostname(),
    slurm: slurmContext(),
    writtenAt: new Date().toISOString(),
    rowsSha256: sink.files[ENDPOINTS_FILE]?.sha256 ?? null,
    files: { ...sink.files },
  };
  written.push(await sink.write(MANIFEST_FILE, JSON.stringify(manifest, null, 2) + '\n'));
  return written;
}
