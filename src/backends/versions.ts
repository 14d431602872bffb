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

/** An error's message cut to its first non-empty line, for one-line probe reasons. */
export function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'unknown error';
}
