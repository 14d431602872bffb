import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { BASINMAP_VERSION } from '../io/summary-json.ts';
import type { MapArgs, MapSetup } from '../cli/map-setup.ts';

/**
 * Every option that can change a result, as one object: what shards of one sweep (and a run and
 * its resume) must agree on. Left out are the options that change only how the work is done or
 * written (--chunk, --compact, --format, --png, --quiet, --out): per-start results do not depend
 * on them. The basinmap version is in: another version may compute differently. A user's
 * objective module and a starts file count by their content, not only their path.
 */
export async function resultOptions(setup: MapSetup, a: MapArgs, backend: string): Promise<Record<string, unknown>> {
  const { objective: o, d } = setup;
  return {
    basinmap: BASINMAP_VERSION,
    objective: {
      name: o.name,
      formula: o.formula,
      expression: o.expression?.(d) ?? null,
      module: a.objective ? { path: resolve(a.objective), sha256: await fileSha256(a.objective) } : null,
    },
    d,
    box: setup.box,
    starts: { n: setup.starts.n, spec: setup.spec, file: a.startsFile ? { path: resolve(a.startsFile), sha256: await fileSha256(a.startsFile) } : null },
    slice: a.slice ?? null,
    at: a.at ?? null,
    descent: setup.descent,
    checkEvery: a.checkEvery,
    engine: a.engine,
    backend,
    dtype: a.dtype,
    clusterTol: a.clusterTol ?? null,
  };
}

/** "sha256:<hex>" of the options' canonical JSON (keys sorted), so equal options hash equal. */
export function hashOptions(options: Record<string, unknown>): string {
  return `sha256:${createHash('sha256').update(canonicalJson(options)).digest('hex')}`;
}

/** JSON with object keys sorted at every level; undefined members dropped, as JSON.stringify does. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Where two option objects differ, as paths ("descent.optimizer.lr"), for a message. */
export function differingOptions(a: Record<string, unknown>, b: Record<string, unknown>, prefix = ''): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  return [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort().flatMap((k) => {
    const [x, y] = [a?.[k], b?.[k]];
    if (canonicalJson(x ?? null) === canonicalJson(y ?? null)) return [];
    return isObject(x) && isObject(y) ? differingOptions(x, y, `${prefix}${k}.`) : [`${prefix}${k}`];
  });
}

async function fileSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}
