#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so that users' `--objective my-fn.ts`
// modules load the same way as ours.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
