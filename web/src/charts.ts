// The statechart with the states of this step lit and its last move
// marked; the swimlane with this step marked; the status cards.
import { breachesCell } from '../../src/explain/words.js';
import { REGION_LABELS, VALUE_REGIONS, valueText, type Status } from '../../src/plan/vocabulary.js';
import { statechartSvg, swimlaneSvg } from '../../src/render/svg.js';
import type { Trace } from '../../src/run/trace.js';
import { byId, h } from './dom.js';
import { traceUpTo } from './timeline.js';

const CARDS: Array<{ label: string; value: (s: Status) => string; key: keyof Status }> = [
  ...VALUE_REGIONS.map((key) => ({
    label: REGION_LABELS[key].title,
    value: (s: Status) => valueText(s, key),
    key,
  })),
  {
    label: REGION_LABELS.breaches.title,
    value: breachesCell,
    key: 'breaches',
  },
];

let drawnSwimlane: Trace | null = null;

export function renderCharts(trace: Trace, cursor: number): void {
  const upTo = traceUpTo(trace, cursor);
  const last = cursor > 0 ? trace.steps[cursor - 1] : undefined;
  byId('status-cards').replaceChildren(
    ...CARDS.map((c) => {
      const changed =
        last?.changed.some((r) => r === c.key || (c.key === 'guarantee' && r === 'guaranteePhase')) ?? false;
      return h(
        'div',
        { class: changed ? 'card changed' : 'card', 'data-region': c.key },
        h('div', { class: 'label' }, c.label),
        h('div', { class: 'value' }, c.value(upTo.final)),
        changed ? h('div', { class: 'muted' }, 'changed at this step') : null,
      );
    }),
  );
  // the SVG comes from casus's reporter, which escapes every text taken from the scenario
  const chart = byId('chart');
  chart.innerHTML = statechartSvg(upTo);
  for (const move of chart.querySelectorAll('.move'))
    move.classList.toggle('last', last !== undefined && (move as SVGElement).dataset.step === String(last.index));
  const lastMoves = last ? chart.querySelectorAll('.move.last').length : 0;
  byId('chart-caption').textContent = last
    ? lastMoves
      ? `The thick arrow${lastMoves > 1 ? 's' : ''}: the move${lastMoves > 1 ? 's' : ''} this step made.`
      : 'This step moved no state.'
    : 'The initial states.';
  const lane = byId('swimlane');
  if (drawnSwimlane !== trace) {
    lane.innerHTML = swimlaneSvg(trace);
    drawnSwimlane = trace;
  }
  for (const mark of lane.querySelectorAll('.step-mark'))
    mark.classList.toggle('current', last !== undefined && (mark as SVGElement).dataset.step === String(last.index));
}
