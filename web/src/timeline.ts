// The timeline: one step at a time (the event, what changed, why, in casus's own words) and the list of all steps.
import { statusLine, type Status } from '../../src/plan/vocabulary.js';
import { notStatedNote } from '../../src/explain/conditionWords.js';
import { explain } from '../../src/explain/explain.js';
import { explanationLines, stepExplanationLines } from '../../src/render/explainText.js';
import { timeline } from '../../src/explain/steps.js';
import { stepWords } from '../../src/explain/words.js';
import type { Trace } from '../../src/run/trace.js';
import { byId, guaranteeBadge, h, textBlocks } from './dom.js';

/** No hard wrapping: the page wraps; casus's reporters still choose every word. */
const UNWRAPPED = { colour: false, width: 1_000_000 };

/** The trace as it stood after `cursor` steps: what explain and the statechart see at that point. */
export function traceUpTo(trace: Trace, cursor: number): Trace {
  if (cursor >= trace.steps.length) return trace;
  const steps = trace.steps.slice(0, cursor);
  const last = steps[steps.length - 1];
  return {
    ...trace,
    steps,
    final: last?.status ?? trace.initial,
    horizon: last?.at ?? trace.horizon,
    milestones: last?.milestones ?? trace.milestones,
  };
}

export { statusLine };

export function renderStepList(trace: Trace, onPick: (cursor: number) => void): void {
  const list = byId('step-list');
  const item = (cursor: number, date: string, words: string, status: Status, deadline: boolean) => {
    const button = h(
      'button',
      { type: 'button', 'data-cursor': cursor },
      h('span', { class: 'date' }, date),
      ' ',
      h('span', { class: 'words' }, words),
      ' ',
      guaranteeBadge(status),
    );
    button.addEventListener('click', () => onPick(cursor));
    return h('li', { class: deadline ? 'deadline' : undefined }, button);
  };
  list.replaceChildren(
    item(0, 'start', 'Before the first event', trace.initial, false),
    ...trace.steps.map((s, i) => item(i + 1, s.at, stepWords(s), s.status, s.kind === 'deadline')),
  );
}

export function renderStep(trace: Trace, cursor: number): void {
  const total = trace.steps.length;
  byId('step-count').textContent = cursor === 0 ? `Start (of ${total} steps)` : `Step ${cursor} of ${total}`;
  for (const b of byId('step-list').querySelectorAll<HTMLButtonElement>('button[data-cursor]')) {
    const on = Number(b.dataset.cursor) === cursor;
    if (on) b.setAttribute('aria-current', 'step');
    else b.removeAttribute('aria-current');
  }
  byId<HTMLButtonElement>('prev').disabled = cursor === 0;
  byId<HTMLButtonElement>('first').disabled = cursor === 0;
  byId<HTMLButtonElement>('next').disabled = cursor >= total;
  byId<HTMLButtonElement>('last').disabled = cursor >= total;
  const panel = byId('step');
  // one short sentence for screen readers per step, not the whole panel
  const now = cursor > 0 ? trace.steps[cursor - 1]! : undefined;
  byId('announce').textContent = now
    ? `Step ${cursor} of ${total}, ${now.at}: ${stepWords(now)}. ` +
      `${now.changed.length ? `Now ${statusLine(now.status)}.` : 'No status changed.'}`
    : `Before the first event. ${statusLine(trace.initial)}.`;
  if (cursor === 0) {
    panel.replaceChildren(
      h('h3', { id: 'step-heading' }, 'Before the first event'),
      h('p', {}, `Every status is at its initial value: ${statusLine(trace.initial)}.`),
      h(
        'p',
        { class: 'muted' },
        `Press → (or Forward) to apply the first event${trace.steps[0] ? `, on ${trace.steps[0].at}` : ''}.`,
      ),
    );
    return;
  }
  const row = timeline(trace).at(cursor - 1)!;
  const { step } = row;
  const upTo = traceUpTo(trace, cursor);
  const explanation = explain(upTo, step.at);
  const where =
    step.kind === 'deadline'
      ? `a deadline: ${step.deadline?.basis ?? ''}`
      : step.line
        ? `line ${step.line} of the scenario`
        : 'an event';
  const why = [...stepExplanationLines(explanation, step.index, UNWRAPPED)];
  const title = (id: string) => trace.clauses.find((c) => c.id === id)?.title;
  panel.replaceChildren(
    h('h3', { id: 'step-heading' }, `${step.at}: ${stepWords(step)}`),
    h(
      'p',
      { class: 'muted' },
      `Step ${cursor} of ${trace.steps.length}, ${where}${step.event?.note ? `. Note: ${step.event.note}` : ''}`,
    ),
    h('h4', {}, 'What changed, and why'),
    // one short sentence per change, with the clause it comes from; the full explanation opens on demand
    row.changes.length
      ? h(
          'ul',
          { id: 'step-why', class: 'changes why' },
          ...row.changes.map((c) =>
            h(
              'li',
              { 'data-region': c.region },
              `${c.text}${title(c.clause) ? `: ${title(c.clause)}` : ''}. `,
              h('span', { class: 'tag badge-clause' }, `[${c.clause} · ${c.points.join(', ')}]`),
            ),
          ),
        )
      : h('p', { id: 'step-why', class: 'changes none' }, 'No status changed.'),
    ...step.fired.flatMap((f) => {
      const note = notStatedNote(f.conditions);
      return note ? [h('p', { class: 'not-stated muted' }, `Rule ${f.rule} ${note}.`)] : [];
    }),
    h(
      'details',
      { id: 'step-why-full' },
      h('summary', {}, 'Why, in full: the rules that fired and the ones that came close'),
      why.length
        ? textBlocks(why)
        : h('p', { class: 'muted' }, 'No rule about this event applied, and none came close.'),
    ),
    h(
      'details',
      { id: 'step-explain' },
      h('summary', {}, `Every status after this step, as casus explain --at ${step.at} puts it`),
      textBlocks(explanationLines(explanation, UNWRAPPED)),
    ),
  );
}
