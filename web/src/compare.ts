// Two readings side by side: the same scenario's timelines,
// with the first step where their statuses differ highlighted.
import type { Status } from '../../src/plan/vocabulary.js';
import { chosenSettings } from '../../src/explain/explain.js';
import { guaranteeText } from '../../src/plan/vocabulary.js';
import { breachesCell, chosenWords, stepWords } from '../../src/explain/words.js';
import type { Step, Trace } from '../../src/run/trace.js';
import { differingRegions } from '../../src/whatif/outcome.js';
import { byId, guaranteeBadge, h } from './dom.js';

interface Divergence {
  /** index into both step lists */
  index: number;
  /** the regions whose status differs there (empty when one run has a step the other lacks) */
  regions: string[];
}

const show = (s: Status, region: string): string =>
  region === 'breaches'
    ? breachesCell(s)
    : region === 'guarantee'
      ? guaranteeText(s)
      : String(s[region as keyof Status] ?? 'none');
const sameStep = (a: Step, b: Step) => a.at === b.at && a.kind === b.kind && stepWords(a) === stepWords(b);

/** The first step at which two runs of one scenario part ways; null when they never do. */
function firstDivergence(a: Trace, b: Trace): Divergence | null {
  const n = Math.max(a.steps.length, b.steps.length);
  for (let i = 0; i < n; i++) {
    const [x, y] = [a.steps[i], b.steps[i]];
    if (!x || !y || !sameStep(x, y)) return { index: i, regions: [] };
    const differ = differingRegions(x.status, y.status);
    // the guarantee's text already carries its phase
    const regions = differ.includes('guarantee') ? differ.filter((r) => r !== 'guaranteePhase') : differ;
    if (regions.length) return { index: i, regions };
  }
  return null;
}

function column(trace: Trace, label: string, divergence: Divergence | null): HTMLElement {
  const readings = Object.entries(chosenSettings(trace)).map(([k, v]) => `${k}=${v}`);
  return h(
    'div',
    { class: 'column' },
    h('h4', {}, label),
    h('p', { class: 'muted' }, chosenWords(readings)),
    h(
      'p',
      { class: 'final' },
      'At the end: ',
      h('strong', {}, `guarantee ${guaranteeText(trace.final)}`),
      `, sanctions ${trace.final.sanctions}`,
    ),
    h(
      'ol',
      { class: 'compare-steps' },
      ...trace.steps.map((s, i) =>
        h(
          'li',
          {
            class: divergence?.index === i ? 'diverges' : i > (divergence?.index ?? Infinity) ? 'after' : undefined,
            'aria-current': divergence?.index === i ? 'true' : undefined,
          },
          h('span', { class: 'date' }, s.at),
          ' ',
          stepWords(s),
          ' ',
          guaranteeBadge(s.status),
        ),
      ),
    ),
  );
}

export function renderCompare(a: Trace, b: Trace): void {
  const d = firstDivergence(a, b);
  const summary = byId('compare-summary');
  if (!d) summary.textContent = 'The two readings give the same statuses at every step.';
  else {
    const [x, y] = [a.steps[d.index], b.steps[d.index]];
    const at = x ?? y!;
    const what = d.regions.length
      ? d.regions.map((r) => `${r} ${show(x!.status, r)} under A, ${show(y!.status, r)} under B`).join('; ')
      : 'one reading has a step the other lacks';
    summary.textContent = `The readings first differ at step ${d.index + 1}, ${at.at} (${stepWords(at)}): ${what}.`;
  }
  byId('compare-columns').replaceChildren(column(a, 'Reading A', d), column(b, 'Reading B', d));
}
