import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendProbe } from '../backends/types.ts';
import type { AsyncChunks } from '../io/atomic.ts';
import type { FileSink } from '../io/start-files.ts';
import type { Shard } from './shard-range.ts';

/** Written last into every run directory `map --out` writes, shard or not: what it holds and with which options. */
export const MANIFEST_FILE = 'manifest.json';
/** The manifest's own format; a reader refuses others. */
const FORMAT = 1;

export interface FileRecord {
  bytes: number;
  sha256: string;
}

export interface Manifest {
  tool: 'basinmap';
  manifest: typeof FORMAT;
  /** The basinmap version that wrote it. */
  version: string;
  /** 'shard': one part of a sweep (RUN/shards/<k>-of-<K>); 'run': a whole sweep (map --out, or a merge). */
  kind: 'run' | 'shard';
  shard: Shard | null;
  /** The starts it holds, by their numbers in the whole sweep: [from, to). */
  range: { from: number; to: number };
  rows: number;
  /** Starts of the whole sweep. */
  n: number;
  d: number;
  /** Interrupted (SIGTERM, Ctrl-C): `finished` of the rows are done, the rest run again on a resume. */
  partial: boolean;
  finished: number;
  /** hashOptions(options): shards of one sweep, and a run and its resume, must have the same. */
  optionsHash: string;
  /** Every option that can change a result (cluster/options-hash.ts). */
  options: Record<string, unknown>;
  /** Every option's final value, as summary.json records it (reruns the run as a --config file). */
  config: Record<string, unknown> | null;
  /** The command line that wrote it, and its arguments as the program got them (for a rerun command). */
  command: string;
  argv: string[];
  /** The whole sweep's start set (a merge's summary.json records it). */
  starts: { describe: string; spec: unknown };
  engine: { name: string; reason: string };
  backend: { name: string; probe: BackendProbe };
  seconds: Record<string, number>;
  host: string;
  /** The Slurm job and task that ran it, with its attempt (SLURM_RESTART_COUNT); null outside Slurm. */
  slurm: Record<string, string> | null;
  writtenAt: string;
  /** sha256 (hex) of endpoints.bin, the exact rows a merge or a resume reads; null when not written (a complete single run). */
  rowsSha256: string | null;
  /** Size and sha256 of every file it describes. */
  files: Record<string, FileRecord>;
}

/** Reads dir/manifest.json: the manifest, or a few words saying what is wrong with it. */
export function readManifest(dir: string): { manifest: Manifest } | { problem: string } {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'no manifest.json (never finished, or not written by basinmap)' : `manifest.json unreadable (${code ?? (e as Error).message})` };
  }
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch {
    return { problem: 'manifest.json is not valid JSON (damaged)' };
  }
  if (m?.tool !== 'basinmap' || m.manifest !== FORMAT || typeof m.optionsHash !== 'string' || !m.range || !m.files) return { problem: `manifest.json is not a basinmap manifest of format ${FORMAT}` };
  return { manifest: m };
}

/** The Slurm variables that say which job, task and attempt this is (for the manifest); null outside Slurm. */
export function slurmContext(env: Record<string, string | undefined> = process.env): Record<string, string> | null {
  const keys = ['SLURM_JOB_ID', 'SLURM_ARRAY_JOB_ID', 'SLURM_ARRAY_TASK_ID', 'SLURM_RESTART_COUNT', 'SLURM_CLUSTER_NAME', 'SLURM_JOB_PARTITION'];
  const found = Object.fromEntries(keys.filter((k) => env[k] !== undefined).map((k) => [k, env[k]!]));
  return Object.keys(found).length > 0 ? found : null;
}

/** A sink that records the size and sha256 of every file written through it, for the manifest. */
export interface RecordingSink extends FileSink {
  readonly files: Record<string, FileRecord>;
}

export function recordingSink(sink: FileSink): RecordingSink {
  const files: Record<string, FileRecord> = {};
  return {
    files,
    write(name, content) {
      return sink.write(name, hashed(content, (r) => (files[name] = r)));
    },
  };
}

async function* hashed(content: AsyncChunks, done: (r: FileRecord) => void): AsyncGenerator<string | Uint8Array> {
  const h = createHash('sha256');
  let bytes = 0;
  const parts = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  for await (const part of parts as AsyncIterable<string | Uint8Array>) {
    const b = typeof part === 'string' ? Buffer.from(part) : part;
    h.update(b);
    bytes += b.length;
    yield b;
  }
  done({ bytes, sha256: h.digest('hex') });
}
