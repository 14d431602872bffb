import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Installed version of a package, or 'not installed'. Reads package.json, never loads the package. */
export function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

export function isInstalled(name: string): boolean {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}
