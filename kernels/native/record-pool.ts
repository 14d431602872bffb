import type { NativeLibrary, Pointer } from './ffi.ts';

/**
 * The record memory of the last run (runNative), kept for the next: one buffer for the process,
 * at most 64 MiB, taken by a run that needs at least half of it. Fresh memory costs a page fault
 * per 4 KiB page when the kernel's pack first writes it, measured at ~10 µs a fault on these
 * virtual machines, 1.4 ms of a 12 ms run of 1e4 starts. bm_pack clears what it uses, so a reused
 * buffer starts as a new one.
 */
let spare: { lib: NativeLibrary; ptr: Pointer; bytes: number } | undefined;
const SPARE_LIMIT = 64 * 2 ** 20;

export function takeRecords(lib: NativeLibrary, bytes: number): Pointer | null {
  if (spare && spare.bytes >= bytes && spare.bytes <= 2 * bytes + 2 ** 20) {
    const { ptr } = spare;
    spare = undefined;
    return ptr;
  }
  return lib.alloc(bytes);
}

export function keepRecords(lib: NativeLibrary, ptr: Pointer, bytes: number): void {
  if (bytes > SPARE_LIMIT) return lib.free(ptr);
  if (spare) spare.lib.free(spare.ptr);
  spare = { lib, ptr, bytes };
}
