/**
 * Everything a view depends on, as the text of its fields, kept in the page's URL so that a view
 * can be shared and reproduced. An empty field means the CLI's default for that option.
 */
export interface PageState {
  backend: string;
  demo: { f: string; box: string; x0: string[]; optimizer: string; lr: string; iters: string };
  map: { f: string; box: string; optimizer: string; lr: string; iters: string; sampler: string; grid: string; n: string; seed: string };
}

/** The classic explainer: a tilted double well, two balls, plain gradient descent. */
export const DEFAULT_STATE: PageState = {
  backend: 'auto',
  demo: { f: 'x^4 - 4x^2 + x', box: '-3,3', x0: ['2', '-2'], optimizer: 'gd', lr: '0.01', iters: '100' },
  map: { f: 'himmelblau', box: '', optimizer: '', lr: '', iters: '', sampler: 'grid', grid: '100', n: '', seed: '0' },
};

/** URL parameter of each field: the demo's plain, the map's with an m. */
const KEYS = {
  demo: { f: 'f', box: 'box', optimizer: 'opt', lr: 'lr', iters: 'iters' },
  map: { f: 'mf', box: 'mbox', optimizer: 'mopt', lr: 'mlr', iters: 'miters', sampler: 'sampler', grid: 'grid', n: 'n', seed: 'seed' },
} as const;

export function readState(search: string): PageState {
  const q = new URLSearchParams(search);
  const s: PageState = structuredClone(DEFAULT_STATE);
  s.backend = q.get('backend') ?? s.backend;
  for (const [field, key] of Object.entries(KEYS.demo)) s.demo[field as keyof typeof KEYS.demo] = q.get(key) ?? s.demo[field as keyof typeof KEYS.demo];
  if (q.has('x0')) s.demo.x0 = q.getAll('x0');
  for (const [field, key] of Object.entries(KEYS.map)) s.map[field as keyof typeof KEYS.map] = q.get(key) ?? s.map[field as keyof typeof KEYS.map];
  return s;
}

/** The query string of a state: every field, so that the URL alone reproduces the view. */
export function writeState(s: PageState): string {
  const q = new URLSearchParams();
  q.set('backend', s.backend);
  for (const [field, key] of Object.entries(KEYS.demo)) q.set(key, s.demo[field as keyof typeof KEYS.demo]);
  for (const x of s.demo.x0) q.append('x0', x);
  for (const [field, key] of Object.entries(KEYS.map)) q.set(key, s.map[field as keyof typeof KEYS.map]);
  return `?${q.toString()}`;
}
