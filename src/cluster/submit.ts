import { spawnSync } from 'node:child_process';
import { UserError } from '../../core/errors.ts';

/** Runs sbatch with `args`; returns the job id (--parsable prints "id" or "id;cluster"). */
function sbatch(args: string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync('sbatch', ['--parsable', ...args], { encoding: 'utf8', env });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new UserError('sbatch is not on PATH: submit from a Slurm login node, or write the scripts with --dry-run and submit them there');
  }
  const id = r.stdout?.trim().split(';')[0] ?? '';
  if (r.status !== 0 || !/^\d+$/.test(id)) {
    const why = (r.stderr || r.stdout || r.error?.message || `exit ${r.status}`).trim().split('\n').pop();
    throw new UserError(`sbatch ${args.join(' ')} failed: ${why}`);
  }
  return id;
}

/**
 * Submits the job array, then the merge job depending on it with afterany (it runs once every
 * task has ended, whatever its fate; afterok would never fire after a task failed once, even if
 * its requeue then succeeded). Returns both job ids.
 */
export function submitSweep(mapScript: string, mergeScript: string, env?: NodeJS.ProcessEnv): { array: string; merge: string } {
  const array = sbatch([mapScript], env);
  let merge: string;
  try {
    merge = sbatch([`--dependency=afterany:${array}`, mergeScript], env);
  } catch (e) {
    throw new UserError(`the job array is submitted (job ${array}) but the merge job is not (${(e as Error).message}): submit it with sbatch --dependency=afterany:${array} ${mergeScript}`);
  }
  return { array, merge };
}
