/**
 * The names `--engine` accepts, with nothing loaded: the CLI declares its options (and prints
 * --help) from these before any engine, tfjs or kernel generator is imported. The registry
 * (registry.ts, node/register.ts) holds the engines themselves; a test keeps the two lists equal.
 */

/** What `--engine` may say besides an engine's name. */
export const ENGINE_CHOICES = ['auto', 'fused'] as const;

/** Every engine the Node entry registers, in registration order (browser-safe ones first). */
export const ENGINE_NAMES = ['tfjs', 'fused-webgpu', 'native', 'native-fast', 'fused-cpu'] as const;
