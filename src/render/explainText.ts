// An Explanation in plain sentences for the terminal, 80 columns.
import { dateWords } from '../plan/dates.js';
import { POINT_27_CONSEQUENCE } from '../plan/legend.js';
import { REGION_LABELS } from '../plan/vocabulary.js';
import type { ClauseCitation, Explanation, RegionReason, StepRef, WhyNot } from '../explain/explain.js';
import type { ConditionSeen } from '../explain/seen.js';
import { legendTextLines, wrap } from './text.js';
import { breachWords, chosenWords, sourceWords, stepNumber } from '../explain/words.js';

interface ExplainTextOptions {
  colour: boolean;
  width?: number;
}

const ESC = '\u001b[';
const NBSP = '\u00a0';
const paint = (on: boolean, code: string) => (s: string) => (on ? `${ESC}${code}m${s}${ESC}0m` : s);

const points = (c: { points: string[] }) => `${c.points.length > 1 ? 'points' : 'point'} ${c.points.join(', ')}`;
const stepPlace = (s: StepRef) => `${s.at}, step ${stepNumber(s)}${s.line ? `, line ${s.line}` : ''}`;
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** The conditions that held, readings first: "under attack-test = …, scale is large-scale, …". */
export function conditionList(conditions: ConditionSeen[]): string {
  const ordered = [...conditions.filter((c) => c.reading), ...conditions.filter((c) => !c.reading)];
  return ordered.map((c) => c.words).join(', ');
}

/** The clause, cited in full the first time and by id and points after. */
function clauseLines(c: ClauseCitation, cited: Set<string>): string[] {
  if (cited.has(c.id)) return [`Clause ${c.id} (${points(c)}), as above.`];
  cited.add(c.id);
  const lines = [`Clause ${c.id} (${points(c)}), "${c.title}": ${sentence(c.paraphrase)}`];
  if (c.consequence) lines.push(`Its consequence: ${sentence(c.consequence)}`);
  if (c.assumptions?.length) lines.push(`Assumed, not in the plan: ${sentence(c.assumptions.join('; '))}`);
  if (c.sources.length) lines.push('Sources:', ...c.sources.map((x) => `-${NBSP}${sourceWords(x)}`));
  return lines;
}

function regionLines(r: RegionReason, cited: Set<string>, told: Map<string, string>): string[][] {
  const value = r.value ?? 'none';
  if (!r.setBy) {
    const head =
      r.since === null
        ? `${REGION_LABELS[r.region].sentence} ${value}: the initial status; nothing on or before this date changed it.`
        : `${REGION_LABELS[r.region].sentence} ${value}, since ${r.since}.`;
    const n = r.notYet;
    if (!n) return [[head]];
    return [
      [head],
      [
        `Not yet: on ${stepPlace(n.step)} (${n.step.words}), ` +
          `rule ${n.rule} [${n.clause.id} · ${n.points.join(', ')}] did not fire: ${sentence(n.reason)}`,
      ],
    ];
  }
  const s = r.setBy;
  const out: string[][] = [
    [`${REGION_LABELS[r.region].sentence} ${value}, since ${r.since}${s.from !== null ? ` (it was ${s.from})` : ''}.`],
  ];
  const key = `${s.step.index}:${s.rule}`;
  const before = told.get(key);
  if (before)
    return [
      ...out,
      [
        `Set by the same step and rule as ${before} ` +
          `(${s.rule}, ${s.step.at}) [${s.clause.id} · ${s.points.join(', ')}].`,
      ],
    ];
  told.set(key, REGION_LABELS[r.region].subject);
  out.push([`On ${stepPlace(s.step)}: ${sentence(s.step.words)}${s.step.note ? ` (${s.step.note})` : ''}`]);
  out.push([`Rule ${s.rule} fired${s.conditions.length ? ` because ${conditionList(s.conditions)}` : ''}.`]);
  out.push(clauseLines(s.clause, cited));
  for (const a of r.alsoFired)
    out.push([
      `Rule ${a.rule} [${a.clause.id} · ${a.points.join(', ')}] also fired, to no effect: ${sentence(a.reason)}`,
    ]);
  return out;
}

function whyNotLines(w: WhyNot, cited: Set<string>, again = false): string[][] {
  const head = `On ${stepPlace(w.step)}: ${sentence(w.step.words)} The guarantee stayed ${w.guarantee}.`;
  const tag = `[${w.clause.id} · ${w.points.join(', ')}]`;
  const body =
    w.kind === 'no-effect'
      ? `Rule ${w.rule} ${tag} fired, but had no effect on the guarantee: ${sentence(w.reason)}`
      : `${again ? 'Nor did' : 'The nearest rule,'} ${w.rule} ${tag}${again ? ' fire' : ', did not fire'}: ` +
        `${sentence(w.reason)}`;
  return [...(again ? [] : [[head]]), [body], ...(cited.has(w.clause.id) ? [] : [clauseLines(w.clause, cited)])];
}

/**
 * Wraps a paragraph to the width; "name = value" and [clause ·
 * points] are kept on one line, then printed with plain spaces.
 */
function paragraphs(width: number) {
  const glue = (text: string) => text.replace(/ = |\[[^\]]*\]/g, (m) => m.replaceAll(' ', NBSP));
  return (text: string, indent = '  ', first = indent) =>
    wrap(glue(text), width, indent, first).map((l) => l.replaceAll(NBSP, ' '));
}

function breachLine(b: Explanation['breaches'][number]): string {
  const by = b.rule ? `, rule ${b.rule}` : '';
  const consequence = b.clauseCitation.planNamesConsequence ? '' : `; ${POINT_27_CONSEQUENCE}`;
  return (
    `${b.at}: ${breachWords(b)} ` +
    `[${b.clause} · ${b.clauseCitation.points.join(', ')}${by}]${consequence}` +
    `${b.step ? `. ${sentence(b.step.words)}` : ''}`
  );
}

/**
 * The sentences of the explanation about one step only: the statuses it set,
 * the breaches it recorded and, if it left the guarantee alone, why not.
 */
export function* stepExplanationLines(e: Explanation, index: number, options: ExplainTextOptions): Generator<string> {
  const para = paragraphs(options.width ?? 80);
  const bold = paint(options.colour, '1');
  const cited = new Set<string>();
  const told = new Map<string, string>();
  for (const r of e.regions.filter((x) => x.setBy?.step.index === index)) {
    const [head, ...rest] = regionLines(r, cited, told);
    yield* para(head![0]!, '  ', '').map(bold);
    for (const lines of rest) for (const [i, l] of lines.entries()) yield* para(l, '    ', i === 0 ? '  ' : '    ');
  }
  for (const b of e.breaches.filter((x) => x.step?.index === index))
    yield* para(`Breach recorded: ${breachLine(b)}`, '    ', '');
  for (const [k, w] of e.whyNot.filter((x) => x.step.index === index).entries()) {
    for (const [i, lines] of whyNotLines(w, cited, k > 0).entries())
      for (const [j, l] of lines.entries()) yield* para(l, '    ', i === 0 && j === 0 && k === 0 ? '' : '  ');
  }
}

export function* explanationLines(e: Explanation, options: ExplainTextOptions): Generator<string> {
  const bold = paint(options.colour, '1');
  const dim = paint(options.colour, '2');
  const para = paragraphs(options.width ?? 80);
  const cited = new Set<string>();
  const told = new Map<string, string>();
  const when = e.atEnd ? `at the end of the run (${e.at})` : `on ${e.at}`;
  yield* para(`Why each status is what it is ${when}`, '  ', '').map(bold);
  yield* para(`${e.title} (${e.scenario} · ${e.file})`, '  ', '').map(dim);
  const chosen = Object.entries(e.readings).map(([k, v]) => `${k}=${v}`);
  yield* para(`readings: ${chosenWords(chosen)}`, '  ', '').map(dim);
  if (!e.afterStep) {
    yield '';
    yield* para(
      `${e.at} is before the first event${e.firstEvent ? ` (${e.firstEvent})` : ''}: ` +
        `every status is still its initial one.`,
      '',
      '',
    );
  } else if (!e.atEnd) {
    yield* para(`the last step on or before it: ${stepPlace(e.afterStep)}, ${e.afterStep.words}`, '  ', '').map(dim);
  }
  for (const r of e.regions) {
    yield '';
    const [head, ...rest] = regionLines(r, cited, told);
    yield* para(head![0]!, '  ', '').map(bold);
    for (const lines of rest) for (const [i, l] of lines.entries()) yield* para(l, '    ', i === 0 ? '  ' : '    ');
  }
  yield '';
  if (e.breaches.length === 0) yield 'No breaches recorded.';
  else yield bold(`Breaches recorded (${e.breaches.length}):`);
  for (const b of e.breaches) yield* para(breachLine(b), '    ', '  ');
  const m = e.milestones;
  if (m.entryIntoForce) {
    const term = m.termEnds
      ? `; its term ends ${dateWords(m.termEnds)}${m.termExtendedOn ? ` (extended on ${m.termExtendedOn})` : ''}`
      : '';
    yield* para(`In force since ${m.entryIntoForce}${term}.`, '  ', '');
  }
  const assumed = Object.entries(e.assumptions).map(([k, v]) => `${k}=${v}`);
  if (assumed.length) yield* para(`Assumptions (not in the plan): ${assumed.join(', ')}.`, '  ', '').map(dim);
  yield '';
  if (e.whyNot.length === 0)
    yield* para('Why not: every event that could have changed the guarantee did change it.', '  ', '');
  else {
    yield bold('Why not: events that did not change the guarantee');
    for (const [k, w] of e.whyNot.entries()) {
      const again = k > 0 && e.whyNot[k - 1]!.step.index === w.step.index;
      if (!again) yield '';
      for (const [i, lines] of whyNotLines(w, cited, again).entries())
        for (const [j, l] of lines.entries()) yield* para(l, '    ', i === 0 && j === 0 && !again ? '' : '  ');
    }
  }
  yield '';
  yield* legendTextLines(options.width ?? 80, dim);
}
