/**
 * Gibbs entropy of the labels found in one box, S = −Σ_j p_j ln p_j over the basins j present
 * (p_j = share of the box's labelled cells in basin j). Reuses its count buffer between boxes so
 * that millions of boxes allocate nothing.
 */
export class BoxEntropy {
  private counts: Int32Array;
  private touched: number[] = [];
  private adding = 0;
  /** Labelled cells in the box last finished. */
  cells = 0;
  /** Distinct basins in the box last finished. */
  basins = 0;

  constructor(maxLabel: number) {
    this.counts = new Int32Array(Math.max(0, maxLabel + 1));
  }

  /** Entropy (nats) of labels[corner + offsets[k]] over k, skipping unlabelled cells. */
  ofCells(labels: Int32Array, corner: number, offsets: Int32Array): number {
    for (let k = 0; k < offsets.length; k++) this.add(labels[corner + offsets[k]]);
    return this.finish();
  }

  add(label: number): void {
    if (label < 0) return;
    if (this.counts[label]++ === 0) this.touched.push(label);
    this.adding++;
  }

  /** Entropy of what was added since the last finish; then starts a new box. */
  finish(): number {
    let s = 0;
    for (const l of this.touched) {
      const p = this.counts[l] / this.adding;
      s -= p * Math.log(p);
      this.counts[l] = 0;
    }
    this.basins = this.touched.length;
    this.cells = this.adding;
    this.touched.length = 0;
    this.adding = 0;
    return s;
  }
}

export function maxLabel(labels: Int32Array): number {
  let m = -1;
  for (const l of labels) if (l > m) m = l;
  return m;
}
