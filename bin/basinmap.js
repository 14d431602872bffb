#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so that users' `--objective my-fn.ts`
// modules load the same way as ours.
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

register();
// tsx re-transforms large ESM files that use import.meta; binaryen (15 MB, the fused CPU
// kernels' code generator) then takes ~25 s instead of ~1 s to load (measured on a loaded
// 2-core machine; ~4 s against ~0.3 s on a quiet one). This hook, registered after tsx's so it
// runs first, hands binaryen to Node untransformed whenever a kernel is first compiled; nothing
// is preloaded, so a command refused from its arguments, or one that compiles nothing, starts at once.
registerHooks('./native-load.js', import.meta.url);
await import('../src/cli/main.ts');
