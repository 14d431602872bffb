import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
const targets = { '@tensorflow/tfjs-core': import.meta.resolve('@tensorflow/tfjs-core') };
console.log(targets);
register(new URL('../src/objectives/tfjs-alias-hook.mjs', import.meta.url), { data: { targets } });
try { const m = await tsImport(pathToFileURL('/tmp/um/shape.ts').href, import.meta.url); console.log(Object.keys(m)); } catch (e) { console.log('ERR', (e as any).code, (e as Error).message.split('\n')[0], (e as Error).stack?.split('\n').slice(1,6).join('\n')); }
