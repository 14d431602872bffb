import type { CommandModule } from 'yargs';
import { backendsCommand } from './backends.ts';
import { benchCommand } from './bench.ts';
import { enginesCommand } from './engines.ts';
import { exploreCommand } from './explore.ts';
import { functionsCommand } from './functions.ts';
import { mapCommand } from './map.ts';
import { mergeCommand } from './merge.ts';
import { slurmCommand } from './slurm.ts';
import { traceCommand } from './trace.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [mapCommand, mergeCommand, slurmCommand, traceCommand, functionsCommand, backendsCommand, enginesCommand, benchCommand, exploreCommand];
