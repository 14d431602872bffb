/**
 * Packs what a GPU machine without Node and without network needs to run basinmap from this
 * working tree, into `.gpu/` (git-ignored), for the device tool's `carry`:
 *   .gpu/node.xz               this machine's node binary
 *   .gpu/node_modules.tar.xz   the part of node_modules the CLI can load (see below)
 *   .gl/*.deb                  Debian's Vulkan loader and GL libraries, for Dawn to reach the
 *                              NVIDIA driver (downloaded with apt-get when .gl/ has none)
 * about 50 MB in all, under the 64 MiB a call may carry. benchmarks/gpu/run.sh unpacks them there.
 *   npx tsx benchmarks/gpu/pack.ts
 *
 * node_modules is 700 MB; the CLI loads a small part of it. esbuild (already installed, for tsx)
 * resolves every import from bin/basinmap.js the way Node does and lists the files it reached;
 * those files, every package.json on their way and the packages' .wasm files go in the archive.
 * Packages with native code or loaded by path (tsx and esbuild, webgpu's Dawn, @napi-rs/canvas)
 * go in whole, for linux-x64 only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const NM = join(root, 'node_modules');
const WHOLE = ['tsx', 'esbuild', '@esbuild/linux-x64', 'webgpu', '@napi-rs/canvas', '@napi-rs/canvas-linux-x64-gnu'];
// Optional at run time and absent here (see src/backends/tensorflow.ts).
const ABSENT = ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'];
const SMALL_PACKAGE = 4 * 2 ** 20;
const OTHER_PLATFORMS = /\/dist\/(darwin|win32|linux-arm)[^/]*\//;

const files = new Set<string>();
const packages = new Set<string>();

const result = await build({
  entryPoints: [join(root, 'bin/basinmap.js')],
  bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'error',
  outfile: join(root, '.gpu/unused.mjs'),
  external: [...WHOLE, ...ABSENT],
});
for (const input of Object.keys(result.metafile.inputs)) {
  const path = join(root, input);
  if (!path.startsWith(NM + '/')) continue;
  files.add(path);
  packages.add(packageDir(path));
}

// The whole packages, and what they depend on (recursively).
const pending = [...WHOLE];
while (pending.length) {
  const name = pending.pop()!;
  const dir = join(NM, name);
  if (!existsSync(dir) || packages.has(dir)) continue;
  packages.add(dir);
  walk(dir).filter((f) => !OTHER_PLATFORMS.test(f)).forEach((f) => files.add(f));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  pending.push(...Object.keys(pkg.dependencies ?? {}));
}
// Every package.json (Node reads them to resolve), and the .wasm files packages load by path.
// Small packages go in whole: where a package has several entry points (main, module, exports
// conditions), Node under tsx's loader may take another one than esbuild did.
for (const dir of packages) {
  const all = walk(dir);
  const bytes = all.reduce((a, f) => a + statSync(f).size, 0);
  (bytes < SMALL_PACKAGE ? all : all.filter((f) => f.endsWith('.wasm') || f.endsWith('/package.json'))).forEach((f) => files.add(f));
  files.add(join(dir, 'package.json'));
}

mkdirSync(join(root, '.gpu'), { recursive: true });
const list = join(root, '.gpu', 'files.txt');
writeFileSync(list, [...files].filter((f) => existsSync(f)).map((f) => relative(root, f)).sort().join('\n') + '\n');
execFileSync('tar', ['-cJf', join(root, '.gpu/node_modules.tar.xz'), '-C', root, '-T', list], { env: { ...process.env, XZ_OPT: '-6 -T0' } });
execFileSync('sh', ['-c', `xz -6 -T0 -c "${process.execPath}" > "${join(root, '.gpu/node.xz')}"`]);
writeFileSync(join(root, '.gpu/node-version.txt'), process.version + '\n');

const gl = join(root, '.gl');
if (!existsSync(gl) || !readdirSync(gl).some((f) => f.endsWith('.deb'))) {
  // Debian's packages, downloaded into .gl without touching this machine's apt state (own lists dir).
  execFileSync('sh', ['-c', [
    'set -e', 'L=$(mktemp -d)', 'mkdir -p .gl "$L/partial"',
    'o="-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=$L"',
    'apt-get $o update >/dev/null',
    '(cd .gl && apt-get $o download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2 >/dev/null)',
  ].join('\n')], { cwd: root, stdio: 'inherit' });
}

const size = (p: string) => statSync(p).size;
const debs = readdirSync(gl).filter((f) => f.endsWith('.deb')).map((f) => join(gl, f));
const total = size(join(root, '.gpu/node.xz')) + size(join(root, '.gpu/node_modules.tar.xz')) + debs.reduce((a, f) => a + size(f), 0);
console.log(`packed ${files.size} files of node_modules from ${packages.size} packages; node ${process.version}`);
console.log(`carry [".gpu", ".gl"]: ${(total / 2 ** 20).toFixed(1)} MiB (the limit is 64 MiB)`);

/** The innermost package a file under node_modules belongs to (nested node_modules included). */
function packageDir(file: string): string {
  const at = file.lastIndexOf('/node_modules/') + '/node_modules/'.length;
  const rest = file.slice(at).split('/');
  return file.slice(0, at) + rest.slice(0, rest[0].startsWith('@') ? 2 : 1).join('/');
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}
