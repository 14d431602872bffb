import { labelGrid, type LabelGrid } from '../../src/science/label-grid.ts';
import { mulberry32 } from '../../src/science/random.ts';

/**
 * Labellings of known geometry for the boundary measures. All are 2-D, n × n, with point
 * (x, y) at index x + n·y (axis 1 fastest, as grid maps are).
 */
function build(n: number, label: (x: number, y: number) => number): LabelGrid {
  const labels = new Int32Array(n * n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) labels[x + n * y] = label(x, y);
  return labelGrid(labels, [n, n]);
}

/** Two basins split by a straight line through the centre at `angle` radians. */
export function halfPlane(n: number, angle = 0.3): LabelGrid {
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  return build(n, (x, y) => ((x - n / 2) * c + (y - n / 2) * s > 0.123 ? 1 : 0));
}

/** A disc of radius r·n (basin 1) in basin 0. */
export function disc(n: number, r = 0.3): LabelGrid {
  return build(n, (x, y) => ((x - n / 2 + 0.37) ** 2 + (y - n / 2 + 0.21) ** 2 < (r * n) ** 2 ? 1 : 0));
}

/** Three basins in 120° sectors meeting at the centre: plain boundaries, NOT Wada. */
export function sectors(n: number): LabelGrid {
  return build(n, (x, y) => {
    const a = Math.atan2(y - n / 2 + 0.31, x - n / 2 + 0.17) + Math.PI;
    return Math.min(2, Math.floor(a / ((2 * Math.PI) / 3)));
  });
}

/** Every point its own random draw of m basins: the degenerate, riddled limit. */
export function randomLabels(n: number, m: number, seed = 7): LabelGrid {
  const rand = mulberry32(seed);
  return build(n, () => Math.floor(rand() * m));
}

/**
 * Inside (1) / outside (0) a Koch snowflake of the given level, side `side`·n, with its bumps
 * outward (the snowflake) or inward (the anti-snowflake). Either boundary is made of Koch curves,
 * of dimension ln 4 / ln 3 ≈ 1.2619 down to the scale of the last level's segments.
 * Filled by scanlines: a point is inside when an odd number of edges cross its row to its left.
 */
export function kochSnowflake(n: number, level: number, bumps: 'out' | 'in' = 'out', side = 0.75): LabelGrid {
  const h = (side * n * Math.sqrt(3)) / 2;
  let pts: [number, number][] = [
    [n / 2 - (side * n) / 2, n / 2 - h / 3],
    [n / 2, n / 2 + (2 * h) / 3],
    [n / 2 + (side * n) / 2, n / 2 - h / 3],
  ];
  for (let l = 0; l < level; l++) {
    const next: [number, number][] = [];
    for (let k = 0; k < pts.length; k++) {
      const [ax, ay] = pts[k];
      const [bx, by] = pts[(k + 1) % pts.length];
      const [dx, dy] = [(bx - ax) / 3, (by - ay) / 3];
      // The vertices run clockwise (y up), so the outside is on the left: an outward bump is the
      // middle third turned 60° counter-clockwise, an inward one 60° clockwise.
      const turn = bumps === 'out' ? Math.sqrt(3) / 2 : -Math.sqrt(3) / 2;
      const [px, py] = [ax + dx + dx * 0.5 - dy * turn, ay + dy + dx * turn + dy * 0.5];
      next.push([ax, ay], [ax + dx, ay + dy], [px, py], [ax + 2 * dx, ay + 2 * dy]);
    }
    pts = next;
  }
  const labels = new Int32Array(n * n);
  const xs: number[] = [];
  for (let y = 0; y < n; y++) {
    const yc = y + 0.5e-3; // off the vertices' exact rows
    xs.length = 0;
    for (let k = 0; k < pts.length; k++) {
      const [ax, ay] = pts[k];
      const [bx, by] = pts[(k + 1) % pts.length];
      if (ay <= yc !== by <= yc) xs.push(ax + ((yc - ay) / (by - ay)) * (bx - ax));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      for (let x = Math.max(0, Math.ceil(xs[k])); x <= Math.min(n - 1, Math.floor(xs[k + 1])); x++) labels[x + n * y] = 1;
    }
  }
  return labelGrid(labels, [n, n]);
}

/**
 * Below (1) / above (0) the graph of a Weierstrass function W(x) = Σ_k a^k cos(2π b^k x), with
 * b = 4, a = b^(D − 2): its graph has box dimension D (Kaplan, Mallet-Paret & Yorke, Ergodic
 * Theory Dynam. Systems 4, 261 (1984)), so the boundary's uncertainty exponent is 2 − D.
 * x spans [0, 1] over the n columns; the graph spans about half the height.
 */
export function weierstrass(n: number, D = 1.5): LabelGrid {
  const b = 4;
  const a = b ** (D - 2);
  const terms = Math.ceil(Math.log(n) / Math.log(b)) + 3;
  const amplitude = 0.25 * n * (1 - a);
  const w = new Float64Array(n);
  for (let x = 0; x < n; x++) {
    let s = 0;
    for (let k = 0; k < terms; k++) s += a ** k * Math.cos(2 * Math.PI * b ** k * (x / n));
    w[x] = n / 2 + amplitude * s;
  }
  return build(n, (x, y) => (y < w[x] ? 1 : 0));
}

/**
 * Basins of Newton's method for z³ = 1 on [−2, 2]² (root k = 0, 1, 2; −1 if not settled in 100
 * steps): the classic basins with the Wada property, every boundary point touching all three.
 */
export function newtonCubic(n: number): LabelGrid {
  const roots = [0, 1, 2].map((k) => [Math.cos((2 * Math.PI * k) / 3), Math.sin((2 * Math.PI * k) / 3)]);
  return build(n, (x, y) => {
    let re = -2 + (4 * (x + 0.5)) / n;
    let im = -2 + (4 * (y + 0.5)) / n;
    for (let it = 0; it < 100; it++) {
      // z ← z − (z³ − 1) / (3z²) = (2z³ + 1) / (3z²)
      const r2 = re * re + im * im;
      if (r2 === 0) return -1;
      const z2re = re * re - im * im;
      const z2im = 2 * re * im;
      const z3re = z2re * re - z2im * im;
      const z3im = z2re * im + z2im * re;
      const nre = 2 * z3re + 1;
      const nim = 2 * z3im;
      const den = 3 * (z2re * z2re + z2im * z2im);
      re = (nre * z2re + nim * z2im) / den;
      im = (nim * z2re - nre * z2im) / den;
      for (let k = 0; k < 3; k++) if ((re - roots[k][0]) ** 2 + (im - roots[k][1]) ** 2 < 1e-12) return k;
    }
    return -1;
  });
}
