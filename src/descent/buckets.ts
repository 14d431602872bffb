/**
 * Sizes a live set shrinks to when finished starts are dropped. Only halvings of the chunk size
 * are used, so a run sees at most log2(chunk) distinct shapes: backends that compile a shader per
 * shape (webgpu) compile each once, and memory is released in large steps.
 * Returns the current size when shrinking is not worth it (less than half could be dropped).
 */
export function shrinkTarget(current: number, live: number, minRows: number): number {
  let size = current;
  while (Math.ceil(size / 2) >= Math.max(live, minRows) && size > minRows) size = Math.ceil(size / 2);
  return size;
}
