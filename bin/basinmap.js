#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so that users' `--objective my-fn.ts`
// modules load the same way as ours.
import { register } from 'tsx/esm/api';

// tsx re-transforms large ESM files that use import.meta; binaryen (15 MB, the fused CPU
// kernels' code generator) then takes ~4 s instead of ~0.3 s to load. Loaded natively first, it
// is a cache hit for every later import. Only the commands that can compile kernels pay for it.
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (command === 'map' || command === 'bench') await import('binaryen');

register();
await import('../src/cli/main.ts');
