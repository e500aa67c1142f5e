// The teaching page: wires the editor, the timeline, the statechart
// and the readings to the engine; the URL keeps the settings.
import { LEGEND } from '../../src/plan/legend.js';
import { guaranteeText, statusLine } from '../../src/plan/vocabulary.js';
import type { RuleSet } from '../../src/rules/ruleSet.js';
import type { Trace } from '../../src/run/trace.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import type { Session } from '../../src/serve/server.js';
import { renderCharts } from './charts.js';
import { renderCompare } from './compare.js';
import { byId, debounce, h, setPathColours } from './dom.js';
import { createEditor } from './editor.js';
import { BUNDLED_SCENARIOS, parse, run, ruleSetFor } from './engine.js';
import { BASE_PLAN, PLANS } from './plans.js';
import { renderVersions, wireVersionSlider } from './versions.js';
import { readingsForm, validOverrides } from './readings.js';
import { renderStep, renderStepList } from './timeline.js';
import { decodeState, encodeState, type PageState, type ScenarioRef } from './url.js';

const DEFAULT_SCENARIO = 'renewed-offensive-invokes-the-guarantee';
setPathColours(document.documentElement);

let session: Session = {};
let state: PageState = {
  scenario: { kind: 'bundled', name: DEFAULT_SCENARIO },
  plan: BASE_PLAN.id,
  set: {},
  compare: null,
  step: 0,
  large: false,
};
let ruleSet: RuleSet;
let loaded: LoadedScenario | null = null;
let traceA: Trace | null = null;
let listed: Trace | null = null;
let evaluation = 0;
let written = '';

const notice = (text: string) => {
  byId('notice').textContent = text;
  byId('notice').hidden = text === '';
};

const editor = createEditor(debounce(250, () => edited()));
const formA = readingsForm(byId('readings-a'), 'a', (set) => {
  state.set = set;
  void evaluate();
});
const formB = readingsForm(byId('readings-b'), 'b', (set) => {
  state.compare = set;
  void evaluate();
});

const SESSION = '@session';
const bundledNamed = (name: string) => BUNDLED_SCENARIOS.find((s) => s.name === name);

function scenarioText(ref: ScenarioRef): { file: string; text: string } {
  return ref.kind === 'text'
    ? ref
    : (bundledNamed(ref.name) ?? bundledNamed(DEFAULT_SCENARIO) ?? BUNDLED_SCENARIOS[0]!);
}

function syncPicker(): void {
  const picker = byId<HTMLSelectElement>('scenario-picker');
  const own = picker.querySelector<HTMLOptionElement>('option[value=""]')!;
  const ref = state.scenario;
  const fromSession =
    ref.kind === 'text' &&
    session.scenario !== undefined &&
    ref.file === session.scenario.file &&
    ref.text === session.scenario.text;
  own.hidden = ref.kind === 'bundled' || fromSession;
  if (ref.kind === 'text') own.textContent = `${ref.file} (your version)`;
  picker.value = ref.kind === 'bundled' ? ref.name : fromSession ? SESSION : '';
}

/** A bundled scenario by name when the text is unchanged, so links stay short. */
function refFor(file: string, text: string): ScenarioRef {
  const same = BUNDLED_SCENARIOS.find((s) => s.file === file && s.text === text);
  return same ? { kind: 'bundled', name: same.name } : { kind: 'text', file, text };
}

function edited(): void {
  state.scenario = refFor(scenarioText(state.scenario).file, editor.text());
  syncPicker();
  void evaluate();
}

const writeUrl = debounce(150, () => {
  void encodeState(state).then((hash) => {
    written = hash;
    if (location.hash !== hash) history.replaceState(null, '', hash);
    byId<HTMLInputElement>('share-url').value = location.href;
  });
});

/** Parses the editor's text and runs it under both readings; a newer edit wins over a slower older run. */
async function evaluate(): Promise<void> {
  const mine = ++evaluation;
  const { file, text } = scenarioText(state.scenario);
  const parsed = parse(file, text, ruleSet);
  if (!parsed.ok) {
    editor.showIssues(parsed.issues);
    writeUrl();
    return;
  }
  const [a, b] = await Promise.all([
    run(parsed.loaded, ruleSet, state.set),
    state.compare ? run(parsed.loaded, ruleSet, state.compare) : Promise.resolve(null),
  ]);
  if (mine !== evaluation) return;
  const failed = !a.ok ? a.issues : b && !b.ok ? b.issues : [];
  editor.showIssues(failed);
  if (a.ok) {
    loaded = parsed.loaded;
    traceA = a.trace;
    byId('scenario-title').textContent = a.trace.title;
    state.step = Math.min(state.step, a.trace.steps.length);
    draw();
    formA.render(ruleSet, loaded.scenario, state.set, state.compare ?? undefined);
    renderFinal(a.trace);
    const everyPlan = PLANS.flatMap((p) => {
      try {
        return [session.rules ? ruleSetFor(p, session.rules.files, session.rules.dir) : ruleSetFor(p)];
      } catch {
        return [];
      }
    });
    void renderVersions(parsed.loaded, everyPlan, state.set, state.plan);
  }
  const compareBox = byId('compare');
  compareBox.hidden = state.compare === null;
  byId('compare-toggle').setAttribute('aria-expanded', String(state.compare !== null));
  byId('compare-toggle').textContent = state.compare === null ? 'Compare with another reading' : 'Close the comparison';
  if (state.compare && loaded) formB.render(ruleSet, loaded.scenario, state.compare, state.set);
  if (a.ok && b?.ok) renderCompare(a.trace, b.trace);
  writeUrl();
}

function renderFinal(trace: Trace): void {
  const f = trace.final;
  const held = trace.expectations.filter((e) => e.ok).length;
  const failing = trace.expectations.filter((e) => !e.ok);
  const lines = [
    h(
      'p',
      {},
      `Under these readings, at the end (${trace.horizon}): `,
      h('strong', { id: 'final-guarantee' }, `guarantee ${guaranteeText(f)}`),
      `, ${statusLine(f, ', ', 'guarantee')}.`,
    ),
  ];
  if (trace.expectations.length) {
    const not = failing.length
      ? ` (line ${failing.map((e) => e.line).join(', ')} ` +
        `${failing.length === 1 ? 'does' : 'do'} not, under these readings)`
      : '';
    lines.push(
      h(
        'p',
        { id: 'expectations', class: failing.length ? 'bad' : 'good' },
        `The scenario's own expectations: ${held} of ${trace.expectations.length} hold${not}.`,
      ),
    );
  }
  byId('final').replaceChildren(...lines);
}

/** Redraws what depends on the step: the step panel, the statechart, the swimlane mark. */
function draw(): void {
  if (!traceA) return;
  if (listed !== traceA) {
    renderStepList(traceA, goTo);
    listed = traceA;
  }
  renderStep(traceA, state.step);
  renderCharts(traceA, state.step);
  writeUrl();
}

function goTo(cursor: number): void {
  if (!traceA) return;
  state.step = Math.max(0, Math.min(traceA.steps.length, cursor));
  draw();
  // a disabled button loses focus: hand it to the one that still works
  const active = document.activeElement as HTMLButtonElement | null;
  if (active?.disabled) byId(active.id === 'next' || active.id === 'last' ? 'prev' : 'next').focus();
}

function setLarge(on: boolean): void {
  state.large = on;
  document.documentElement.classList.toggle('large', on);
  byId('large-type').setAttribute('aria-pressed', String(on));
  writeUrl();
}

async function apply(hash: string): Promise<void> {
  const { state: from, problem } = await decodeState(hash);
  notice(problem ?? '');
  const plan = PLANS.find((p) => p.id === (from.plan ?? BASE_PLAN.id)) ?? BASE_PLAN;
  if (from.plan && plan.id !== from.plan) notice(`There is no plan version "${from.plan}" here; using ${plan.label}.`);
  ruleSet = session.rules ? ruleSetFor(plan, session.rules.files, session.rules.dir) : ruleSetFor(plan);
  const initial: ScenarioRef = session.scenario
    ? refFor(session.scenario.file, session.scenario.text)
    : { kind: 'bundled', name: DEFAULT_SCENARIO };
  const a = validOverrides(ruleSet, from.set ?? (from.scenario ? {} : (session.set ?? {})));
  const b = from.compare ? validOverrides(ruleSet, from.compare) : null;
  const dropped = [...a.dropped, ...(b?.dropped ?? [])];
  if (dropped.length) notice(`Ignored readings this rule set does not have: ${dropped.join(', ')}.`);
  let scenario = from.scenario ?? initial;
  if (scenario.kind === 'bundled' && !bundledNamed(scenario.name)) {
    notice(`There is no bundled scenario "${scenario.name}"; showing ${DEFAULT_SCENARIO}.`);
    scenario = { kind: 'bundled', name: DEFAULT_SCENARIO };
  }
  state = {
    scenario,
    plan: plan.id,
    set: a.set,
    compare: b?.set ?? null,
    step: from.step ?? 0,
    large: from.large ?? false,
  };
  byId<HTMLSelectElement>('plan-picker').value = plan.id;
  editor.setText(scenarioText(state.scenario).text);
  syncPicker();
  setLarge(state.large);
  await evaluate();
}

function wire(): void {
  const picker = byId<HTMLSelectElement>('scenario-picker');
  const opening = session.scenario
    ? [h('option', { value: SESSION }, `${session.scenario.file} (from casus serve)`)]
    : [];
  picker.replaceChildren(
    h('option', { value: '', hidden: true }, ''),
    ...opening,
    ...BUNDLED_SCENARIOS.map((s) => h('option', { value: s.name }, s.name)),
  );
  picker.addEventListener('change', () => {
    if (picker.value === '') return;
    const scenario =
      picker.value === SESSION && session.scenario
        ? refFor(session.scenario.file, session.scenario.text)
        : { kind: 'bundled' as const, name: picker.value };
    state = { ...state, scenario, set: {}, compare: state.compare ? {} : null, step: 0 };
    editor.setText(scenarioText(state.scenario).text);
    syncPicker();
    void evaluate();
  });
  const plans = byId<HTMLSelectElement>('plan-picker');
  plans.replaceChildren(...PLANS.map((p) => h('option', { value: p.id }, p.label)));
  plans.addEventListener('change', () => {
    const plan = PLANS.find((p) => p.id === plans.value) ?? BASE_PLAN;
    try {
      ruleSet = session.rules ? ruleSetFor(plan, session.rules.files, session.rules.dir) : ruleSetFor(plan);
      state.plan = plan.id;
      notice('');
    } catch (error) {
      notice(`The plan version ${plan.id} cannot be loaded: ${(error as Error).message}`);
    }
    void evaluate();
  });
  wireVersionSlider((id) => {
    plans.value = id;
    plans.dispatchEvent(new Event('change'));
  });
  byId('first').addEventListener('click', () => goTo(0));
  byId('prev').addEventListener('click', () => goTo(state.step - 1));
  byId('next').addEventListener('click', () => goTo(state.step + 1));
  byId('last').addEventListener('click', () => goTo(Number.MAX_SAFE_INTEGER));
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (e.altKey || e.ctrlKey || e.metaKey || target.closest('textarea, input, select, [contenteditable]')) return;
    const moves: Record<string, number> = {
      ArrowLeft: state.step - 1,
      ArrowRight: state.step + 1,
      Home: 0,
      End: Number.MAX_SAFE_INTEGER,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    goTo(to);
  });
  byId('large-type').addEventListener('click', () => setLarge(!state.large));
  byId('compare-toggle').addEventListener('click', () => {
    state.compare = state.compare === null ? { ...state.set } : null;
    void evaluate().then(() => {
      if (state.compare) byId('readings-b').querySelector<HTMLInputElement>('input')?.focus();
    });
  });
  byId('copy-link').addEventListener('click', () => {
    const url = byId<HTMLInputElement>('share-url');
    url.value = location.href;
    url.select();
    void navigator.clipboard?.writeText(location.href).then(
      () => (byId('copy-status').textContent = 'Link copied.'),
      () => (byId('copy-status').textContent = 'Select the link and copy it.'),
    );
  });
  window.addEventListener('hashchange', () => {
    if (location.hash !== written) void apply(location.hash);
  });
}

async function start(): Promise<void> {
  try {
    const response = await fetch('./session.json', { cache: 'no-store' });
    if (response.ok) session = (await response.json()) as Session;
  } catch {
    // opened without casus serve: the bundled scenarios are all there is
  }
  wire();
  byId('legend-list').replaceChildren(...LEGEND.flatMap((l) => [h('dt', {}, l.term), h('dd', {}, l.meaning)]));
  await apply(location.hash);
  document.body.dataset.ready = 'true';
}

void start();
