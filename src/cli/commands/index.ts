import type { CommandModule } from 'yargs';
import { functionsCommand } from './functions.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [functionsCommand];
