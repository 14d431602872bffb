import { LIBRARY, OPTIMIZER_NAMES, SAMPLER_NAMES, UserError, tf } from '../../browser.ts';
import { autoBackend, PAGE_BACKENDS, useBackend, type PageBackend } from './backends.ts';
import { demoControls, runDemo } from './demo.ts';
import { clearFieldErrors, element, FieldError, setValue, showFieldError, value } from './fields.ts';
import { hook } from './hook.ts';
import { runMap, traceClick } from './map-panel.ts';
import { DEFAULT_STATE, readState, writeState, type PageState } from './url-state.ts';

// The explore page: wires the fields, the URL and the two panels; every computation runs one at
// a time (tfjs's backend is global), and every failure is shown on the page, never only logged.

const DEMO_FIELDS = ['f', 'box', 'optimizer', 'lr', 'iters'] as const;
const MAP_FIELDS = ['f', 'box', 'optimizer', 'lr', 'iters', 'sampler', 'grid', 'n', 'seed'] as const;

let queue: Promise<void> = Promise.resolve();
let running = 0;

/** Runs `job` after the ones before it; busy while any is queued or running. */
function enqueue(job: () => Promise<void>): Promise<void> {
  running++;
  hook.busy = true;
  queue = queue.then(job).finally(() => {
    running--;
    hook.busy = running > 0;
  });
  return queue;
}

/** Runs one panel's computation and shows its failure next to the field it is about. */
async function guarded(panel: 'demo' | 'map' | 'top', job: () => Promise<unknown>): Promise<boolean> {
  clearFieldErrors(panel);
  const section = panel === 'top' ? undefined : element(panel);
  try {
    await job();
    section?.classList.remove('stale');
    return true;
  } catch (e) {
    section?.classList.add('stale');
    showFailure(e, panel);
    return false;
  }
}

function showFailure(e: unknown, panel: string): void {
  const message = e instanceof Error ? e.message : String(e);
  hook.error = message;
  if (e instanceof FieldError) showFieldError(e.field, message);
  else if (e instanceof UserError) showFieldError(`${panel}-panel`, message);
  else showFieldError('page', `unexpected error (please report it): ${message.split('\n')[0]}`);
}

function fillFields(s: PageState): void {
  setValue('backend', s.backend);
  for (const k of DEMO_FIELDS) setValue(`demo-${k}`, s.demo[k]);
  setValue('demo-x0', s.demo.x0.join('; '));
  for (const k of MAP_FIELDS) setValue(`map-${k}`, s.map[k]);
}

function readFields(): PageState {
  const demo = Object.fromEntries(DEMO_FIELDS.map((k) => [k, value(`demo-${k}`)])) as Omit<PageState['demo'], 'x0'>;
  const x0 = value('demo-x0').split(';').map((t) => t.trim()).filter((t) => t !== '');
  const map = Object.fromEntries(MAP_FIELDS.map((k) => [k, value(`map-${k}`)])) as PageState['map'];
  return { backend: value('backend'), demo: { ...demo, x0 }, map };
}

function options(id: string, entries: Array<[string, string]>): void {
  element(id).replaceChildren(...entries.map(([v, text]) => new Option(text, v)));
}

function setUpFields(): void {
  options('backend', [['auto', 'auto (webgpu, else wasm)'], ...PAGE_BACKENDS.map((b): [string, string] => [b, b])]);
  options('demo-optimizer', [['', 'suggested, else gd'], ...OPTIMIZER_NAMES.map((o): [string, string] => [o, o])]);
  options('map-optimizer', [['', 'suggested, else gd'], ...OPTIMIZER_NAMES.map((o): [string, string] => [o, o])]);
  options('map-sampler', SAMPLER_NAMES.filter((s) => s !== 'file').map((s): [string, string] => [s, s]));
  const names = (ok: (d: number | 'any') => boolean) => LIBRARY.filter((o) => ok(o.dim)).map((o) => new Option(o.title, o.name));
  element('demo-functions').replaceChildren(...names((d) => d === 1 || d === 'any'));
  element('map-functions').replaceChildren(...names((d) => d === 'any' || d <= 2));
}

/** The asked backend, or (when it cannot start) the next that can: the page says which runs. */
async function applyBackend(asked: string): Promise<void> {
  const shown = element('backend-shown');
  const wanted = (asked === 'auto' ? await autoBackend() : asked) as PageBackend;
  try {
    shown.textContent = `running on ${await useBackend(wanted)}`;
  } catch (e) {
    // Something must run: the first backend after the failed one that starts.
    for (const other of PAGE_BACKENDS.filter((b) => b !== wanted)) {
      try {
        shown.textContent = `running on ${await useBackend(other)} (${wanted} failed)`;
        break;
      } catch {
        continue;
      }
    }
    throw e instanceof UserError ? new FieldError('backend', e.message) : e;
  } finally {
    hook.backend = tf.getBackend() ?? null;
    shown.dataset.backend = hook.backend ?? '';
  }
}

function saveState(): void {
  history.replaceState(null, '', writeState(readFields()));
}

async function computeDemo(): Promise<void> {
  await guarded('demo', () => runDemo(readFields().demo));
}

async function computeMap(): Promise<void> {
  await guarded('map', () => runMap(readFields().map));
}

async function start(): Promise<void> {
  setUpFields();
  fillFields(readState(location.search));
  await enqueue(async () => {
    hook.error = null;
    await guarded('top', () => applyBackend(value('backend')));
    await computeDemo();
    await computeMap();
    saveState();
  });
  hook.ready = true;

  const on = (ids: readonly string[], job: () => Promise<void>) => {
    for (const id of ids) element(id).addEventListener('change', () => void enqueue(async () => {
      hook.error = null;
      saveState();
      await job();
    }));
  };
  on(['backend'], async () => {
    await guarded('top', () => applyBackend(value('backend')));
    await computeDemo();
    await computeMap();
  });
  on([...DEMO_FIELDS, 'x0'].map((k) => `demo-${k}`), computeDemo);
  on(MAP_FIELDS.map((k) => `map-${k}`), computeMap);
  const controls = demoControls();
  element('demo-play').addEventListener('click', controls.play);
  element('demo-step').addEventListener('click', controls.step);
  element('demo-reset').addEventListener('click', controls.reset);
  element('map-canvas').addEventListener('click', (event) => void enqueue(() => guarded('map', () => traceClick(event)).then(() => undefined)));
  element('reset-all').addEventListener('click', () => {
    fillFields(DEFAULT_STATE);
    void enqueue(async () => {
      hook.error = null;
      saveState();
      await guarded('top', () => applyBackend(value('backend')));
      await computeDemo();
      await computeMap();
    });
  });
}

// Whatever escapes still lands on the page (and in the hook), not only in the console.
addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  showFailure(event.reason, 'page');
});
addEventListener('error', (event) => {
  event.preventDefault();
  showFailure(event.error ?? event.message, 'page');
});

void start();
