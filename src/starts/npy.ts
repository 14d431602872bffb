import { UserError } from '../../core/errors.ts';
import type { ParsedMatrix } from './matrix.ts';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

export function isNpy(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * A NumPy .npy file (format versions 1 to 3) holding a 2-D float32 or float64 array, either byte
 * order, C or Fortran layout — what np.save writes for an [n, d] array of starts.
 */
export function parseNpy(bytes: Uint8Array, file: string): ParsedMatrix {
  const bad = (why: string) => new UserError(`${file} is not a usable .npy file: ${why}; save a 2-D float32 or float64 array with np.save`);
  if (!isNpy(bytes) || bytes.length < 10) throw bad('missing the NUMPY header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const lenBytes = major === 1 ? 2 : 4;
  const headerLen = lenBytes === 2 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lenBytes + headerLen;
  if (start > bytes.length) throw bad('truncated header');
  const header = new TextDecoder().decode(bytes.subarray(8 + lenBytes, start));

  const descr = /'descr'\s*:\s*'([<>|=])([a-zA-Z])(\d+)'/.exec(header);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
  if (!descr || !fortran || !shape) throw bad('unreadable header');
  const [, order, kind, sizeText] = descr;
  const size = Number(sizeText);
  if (kind !== 'f' || (size !== 4 && size !== 8)) throw bad(`dtype ${kind}${size} (need float32 or float64)`);
  const dims = shape[1].split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (dims.length !== 2) throw bad(`shape (${shape[1]}) is not 2-D [starts, axes]`);
  const [rows, cols] = dims;
  if (start + rows * cols * size > bytes.length) throw bad('data shorter than its shape');

  const little = order !== '>';
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < rows * cols; k++) {
    const at = start + k * size;
    const x = size === 4 ? view.getFloat32(at, little) : view.getFloat64(at, little);
    // Fortran order stores column by column; k counts in storage order.
    const [r, c] = fortran[1] === 'True' ? [k % rows, Math.floor(k / rows)] : [Math.floor(k / cols), k % cols];
    data[r * cols + c] = x;
  }
  return { rows, cols, data, where: (r) => `row ${r + 1}` };
}
