export type BackendName = 'cpu' | 'wasm' | 'webgpu' | 'tensorflow' | 'tensorflow-gpu';

/** What a probe found: whether the backend can run here, and if not, why. */
export interface BackendProbe {
  available: boolean;
  /** Why it is unavailable, as one line a user can act on. */
  reason?: string;
  /** The adapter or device it runs on (for webgpu: vendor, architecture, description). */
  device?: string;
  /** Versions of the packages behind it. */
  versions?: Record<string, string>;
  /**
   * True when the device is a software rasteriser on the CPU (e.g. Mesa llvmpipe behind
   * webgpu): it runs correctly, but slower than the plain CPU backends, so `defaultBackend()`
   * never picks it. Only naming it explicitly uses it.
   */
  software?: boolean;
}

export interface BackendSpec {
  name: BackendName;
  description: string;
  /** Higher runs first when the user names no backend ("fastest available"). */
  speedRank: number;
  /** The name tfjs registers it under, when that differs from `name` (tensorflow-gpu: 'tensorflow'). */
  tfjsName?: string;
  /** Cheap check that does not register anything with tfjs. Never throws. */
  probe(): Promise<BackendProbe>;
  /** Registers the backend with tfjs (idempotent). Throws with the probe's reason when unavailable. */
  load(): Promise<void>;
}
