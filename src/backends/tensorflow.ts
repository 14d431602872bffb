import { createRequire } from 'node:module';
import { tf } from '../../core/tf.ts';
import type { BackendName, BackendProbe, BackendSpec } from './types.ts';
import { firstLine, isInstalled, packageVersion } from './versions.ts';

/**
 * The libtensorflow backends: @tensorflow/tfjs-node (CPU) and @tensorflow/tfjs-node-gpu (CUDA).
 * Both are optionalDependencies: their install downloads libtensorflow, which fails on machines
 * without internet access, and npm then finishes without them. So whether they are here is
 * found out at run time, never assumed.
 */

interface NativeOptions {
  name: Extract<BackendName, 'tensorflow' | 'tensorflow-gpu'>;
  pkg: '@tensorflow/tfjs-node' | '@tensorflow/tfjs-node-gpu';
  description: string;
  speedRank: number;
  /** What it runs on, shown by `basinmap backends`. */
  device: string;
}

const require = createRequire(import.meta.url);

/**
 * Both packages register their tfjs backend under the same name, 'tensorflow', and make it the
 * active backend on import: only one of them can be loaded into a process.
 */
let loadedPackage: string | undefined;

interface TfjsBinding {
  TF_Version?: string;
}

/**
 * Loads the package's native binding (tfjs_binding.node, which links libtensorflow) the way the
 * package itself finds it, without importing the package: importing it would register the
 * 'tensorflow' backend and switch tfjs to it, which a probe must not do.
 */
function loadBinding(pkg: string): TfjsBinding {
  const pkgJson = require.resolve(`${pkg}/package.json`);
  const pkgRequire = createRequire(pkgJson);
  const preGyp = pkgRequire('@mapbox/node-pre-gyp') as { find(packageJsonPath: string): string };
  return pkgRequire(preGyp.find(pkgJson)) as TfjsBinding;
}

async function probeNative(o: NativeOptions): Promise<BackendProbe> {
  const versions: Record<string, string> = { [o.pkg]: packageVersion(o.pkg) };
  if (!isInstalled(o.pkg)) {
    return {
      available: false,
      reason: `${o.pkg} is not installed (its install needs to download libtensorflow; run \`npm install ${o.pkg}\` on a machine with internet access)`,
      versions,
    };
  }
  let binding: TfjsBinding;
  try {
    binding = loadBinding(o.pkg);
  } catch (e) {
    return {
      available: false,
      reason: `${o.pkg} is installed but its native binding failed to load: ${firstLine(e)} (try \`npm rebuild ${o.pkg}\`)`,
      versions,
    };
  }
  if (typeof binding.TF_Version === 'string') versions.libtensorflow = binding.TF_Version;
  return { available: true, device: o.device, versions };
}

/** One libtensorflow backend; the two packages differ only in the options. */
export function nativeTensorflowBackend(o: NativeOptions): BackendSpec {
  let probePromise: Promise<BackendProbe> | undefined;
  const spec: BackendSpec = {
    name: o.name,
    description: o.description,
    speedRank: o.speedRank,
    tfjsName: 'tensorflow',
    probe() {
      probePromise ??= probeNative(o);
      return probePromise;
    },
    async load() {
      if (loadedPackage === o.pkg) return;
      if (loadedPackage) {
        throw new Error(`${loadedPackage} is already loaded in this process, and it and ${o.pkg} cannot share one: run ${o.name} in a new process`);
      }
      const probe = await spec.probe();
      if (!probe.available) throw new Error(probe.reason);
      await import(o.pkg);
      loadedPackage = o.pkg;
      if (!tf.findBackendFactory('tensorflow')) throw new Error(`${o.pkg} did not register its backend with tfjs`);
    },
  };
  return spec;
}

export const tensorflow = nativeTensorflowBackend({
  name: 'tensorflow',
  pkg: '@tensorflow/tfjs-node',
  description: 'TensorFlow C library on the CPU, multithreaded (@tensorflow/tfjs-node, optional)',
  speedRank: 2,
  device: 'libtensorflow on the CPU, all cores',
});
