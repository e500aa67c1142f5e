// The terminal timeline: one block per step (date, the event in words, what changed, the clause), 80 columns.
import { dateWords } from '../plan/dates.js';
import { legendLines, POINT_27_CONSEQUENCE } from '../plan/legend.js';
import type { Unaffected } from '../machine/step.js';
import {
  changeText,
  guaranteeText,
  statusLine,
  TERMINAL_GUARANTEE,
  type Region,
  type Status,
} from '../plan/vocabulary.js';
import { visible } from '../issues/issue.js';
import type { Clause } from '../rules/schema.js';
import type { StepStream } from '../run/runner.js';
import {
  NO_MILESTONES,
  type FiredRule,
  type Milestones,
  type NotFiredRule,
  type Step,
  type Trace,
  type TraceHead,
} from '../run/trace.js';
import { assumptionTexts } from '../explain/steps.js';
import { nearMisses, otherMisses } from '../explain/whyNot.js';
import { failedWords, notStatedNote } from '../explain/conditionWords.js';
import { assumedWords, breachWords, chosenWords, sensitivityWords, stepWords, stepNumber } from '../explain/words.js';

export interface TextOptions {
  colour: boolean;
  width?: number;
}

const ESC = '\u001b[';
function palette(on: boolean) {
  const wrap = (code: string) => (s: string) => (on ? `${ESC}${code}m${s}${ESC}0m` : s);
  return { dim: wrap('2'), bold: wrap('1'), red: wrap('31'), green: wrap('32'), yellow: wrap('33'), cyan: wrap('36') };
}

/** Greedy word wrap; continuation lines get `indent`. */
/** A count as reports print it: 100,000. */
export const count = (n: number): string => n.toLocaleString('en-US');

export function wrap(text: string, width: number, indent: string, first = ''): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    const start = line === first || line === indent;
    if (!start && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line += (start ? '' : ' ') + word;
  }
  lines.push(line);
  return lines;
}

/** The legend for the terminal: every abbreviation and marker the output uses. */
export function* legendTextLines(width: number, paintLine: (s: string) => string = (s) => s): Generator<string> {
  yield paintLine('Legend');
  for (const line of legendLines()) yield* wrap(line, width, '    ', '  ').map(paintLine);
}

const NBSP = '\u00a0';
/** The clause citation, kept on one line. */
const tag = (f: { clause: string; points: string[] }) => `[${f.clause} · ${f.points.join(', ')}]`.replaceAll(' ', NBSP);

const regionChange = (region: Region, before: Status, after: Status): string | undefined =>
  region === 'breaches' ? undefined : changeText(region === 'guaranteePhase' ? 'guarantee' : region, before, after);

export function* textLines(trace: Trace, options: TextOptions): Generator<string> {
  const timeline = textTimeline(trace, trace.clauses, options);
  yield* timeline.head();
  for (const step of trace.steps) {
    const lines: string[] = [];
    timeline.step(step, lines);
    yield* lines;
  }
  yield* timeline.end(trace, (i) => trace.steps[i]);
}

/** The text of textLines, each line ending in a newline, as the steps come: nothing but the previous step is kept. */
export async function* streamText(
  run: Pick<StepStream, 'head' | 'steps'>,
  clauses: readonly Clause[],
  options: TextOptions,
): AsyncGenerator<string> {
  const timeline = textTimeline(run.head, clauses, options);
  // a block of steps per chunk: a chunk per line would cost a promise per line
  let chunk: string[] = [...timeline.head()];
  for (let r = await run.steps.next(); ; r = await run.steps.next()) {
    if (r.done) {
      const steps = r.value.expectationSteps;
      chunk.push(...timeline.end({ ...run.head, ...r.value }, (i) => steps.get(i)));
      yield `${chunk.join('\n')}\n`;
      return;
    }
    timeline.step(r.value, chunk);
    if (chunk.length >= CHUNK_LINES) {
      yield `${chunk.join('\n')}\n`;
      chunk = [];
    }
  }
}

const CHUNK_LINES = 2_000;

/**
 * The timeline in three parts (heading, one block per step, summary), carrying only the previous step between calls.
 */
function textTimeline(head: TraceHead, clauses: readonly Clause[], options: TextOptions) {
  const width = options.width ?? 80;
  const c = palette(options.colour);
  const pad = ' '.repeat(12);
  let before = head.initial;
  let was: Milestones = NO_MILESTONES;
  const silent = new Set(clauses.filter((x) => !x.planNamesConsequence).map((x) => x.id));
  /** the clauses the steps so far cited, for the assumptions the summary names */
  const cited = new Set<string>();
  const names = new Set(Object.keys(head.interpretations));
  /** a near miss met again (the same object, see run/stepper.ts) reads the same */
  const missLines = new WeakMap<NotFiredRule, string[]>();
  const unaffectedLines = new WeakMap<Unaffected, Map<string, string[]>>();
  return {
    *head(): Generator<string> {
      yield* wrap(visible(head.title), width, '  ').map(c.bold);
      yield* wrap(visible(`${head.scenario} · ${head.file}`), width, '  ').map(c.dim);
      const readings = Object.entries(head.interpretations)
        .filter(([k, v]) => head.defaults[k] !== v)
        .map(([k, v]) => `${k}=${v}`);
      const params = Object.entries(head.parameters)
        .filter(([k, v]) => head.defaults[k] !== v)
        .map(([k, v]) => `${k}=${v}`);
      const chosen = [...readings, ...params];
      yield* wrap(chosenWords(chosen), width, '  ', 'readings: ').map(c.dim);
      if (assumedWords(head.assumed))
        yield* wrap(visible(assumedWords(head.assumed)), width, '  ', 'assumed: ').map(c.bold);
      if (head.plan && head.plan.changes > 0)
        yield* wrap(
          `${head.plan.version}, ${head.plan.title} ` +
            `(${head.plan.changes} changes from the base plan: casus clauses --plan ${head.plan.version})`,
          width,
          '  ',
          'plan: ',
        ).map(c.dim);
      yield '';
    },
    /** The step's lines, appended to `out` (a generator per step and per rule cost more than the lines). */
    step(step: Step, out: string[]): void {
      const date = step.kind === 'deadline' ? c.cyan(step.at) : step.at;
      const words = wrap(stepWords(step), width, pad, pad);
      const first = words[0]!.slice(pad.length);
      out.push(`${date}  ${step.kind === 'deadline' ? c.cyan(first) : first}`);
      for (let i = 1; i < words.length; i++) out.push(words[i]!);
      const shown = new Set<string>();
      const now = step.milestones;
      const ctx: LineContext = { before, after: step.status, was, now, silent, shown, unaffectedLines, width, pad, c };
      for (const f of step.fired) {
        cited.add(f.clause);
        firedLines(f, ctx, out);
      }
      const [closest] = step.fired.some((f) => f.changed.includes('guarantee')) ? [] : nearMisses(step);
      for (const miss of [...(closest ? [closest] : []), ...otherMisses(step)]) {
        let lines = missLines.get(miss);
        if (!lines) {
          const words = `· ${miss.rule} did not apply: ${visible(failedWords(miss.conditions, names).join('; '))}`;
          missLines.set(miss, (lines = wrap(`${words} ${tag(miss)}`, width, `${pad}  `, pad).map(c.dim)));
        }
        out.push(...lines);
      }
      before = step.status;
      was = step.milestones;
    },
    *end(end: SummaryInput, stepAt: (index: number) => Step | undefined): Generator<string> {
      yield '';
      yield* summaryLines(end, assumptionTexts({ ...head, clauses: [...clauses] }, cited), stepAt, width, c);
    },
  };
}

type SummaryInput = Pick<Trace, 'final' | 'sensitivity' | 'milestones' | 'expectations'>;

interface LineContext {
  before: Status;
  after: Status;
  was: Milestones;
  now: Milestones;
  /** clauses for which the plan names no specific consequence (point 27 applies) */
  silent: Set<string>;
  shown: Set<string>;
  /** the lines of an unaffected region under a rule, kept for the run */
  unaffectedLines: WeakMap<Unaffected, Map<string, string[]>>;
  width: number;
  pad: string;
  c: ReturnType<typeof palette>;
}

function firedLines(f: FiredRule, x: LineContext, out: string[]): void {
  const { before, after, shown, width, pad, c } = x;
  const line = (text: string) => wrap(`${text} ${tag(f)}`, width, `${pad}  `, pad);
  for (const changed of f.changed) {
    const region = changed === 'guaranteePhase' ? 'guarantee' : changed;
    const text = regionChange(region, before, after);
    if (!text || shown.has(region)) continue;
    shown.add(region);
    const colour =
      region === 'guarantee'
        ? (TERMINAL_GUARANTEE as readonly string[]).includes(after.guarantee)
          ? c.red
          : after.guarantee === 'invoked'
            ? c.yellow
            : c.green
        : c.bold;
    const lines = line(`→ ${text}`);
    out.push(colour(lines[0]!), ...lines.slice(1));
  }
  if (f.changed.includes('breaches') && !shown.has(`breach:${f.rule}`)) {
    shown.add(`breach:${f.rule}`);
    const added = after.breaches.slice(before.breaches.length).filter((b) => b.clause === f.clause);
    const note = x.silent.has(f.clause) ? ` (${POINT_27_CONSEQUENCE})` : '';
    for (const b of added) out.push(...line(`→ breach: ${breachWords(b)}${note}`).map(c.bold));
  }
  if (f.note && f.changed.length > 0) out.push(...wrap(`· ${f.note}`, width, `${pad}  `, pad).map(c.dim));
  if (f.changed.length === 0 && f.unaffected.length === 0) {
    if (x.now.termEnds !== x.was.termEnds && x.now.termEnds)
      out.push(...line(`→ the term now ends ${dateWords(x.now.termEnds)} (was ${x.was.termEnds})`).map(c.bold));
    else if (x.now.reliefStepsApplied !== x.was.reliefStepsApplied)
      out.push(...line(`→ sanctions still ${after.sanctions} (relief step ${x.now.reliefStepsApplied})`));
  }
  for (const u of f.unaffected) {
    // the same list comes back while the statechart stays in one configuration (machine/step.ts)
    let byRule = x.unaffectedLines.get(u);
    if (!byRule) x.unaffectedLines.set(u, (byRule = new Map()));
    let lines = byRule.get(f.rule);
    if (!lines) byRule.set(f.rule, (lines = line(`· ${f.rule}: no effect on ${u.region}, ${u.reason}`).map(c.dim)));
    out.push(...lines);
  }
  const unstated = notStatedNote(f.conditions);
  if (unstated) out.push(...line(`· ${f.rule} ${unstated}`).map(c.dim));
}

function* summaryLines(
  trace: SummaryInput,
  assumed: string[],
  stepAt: (index: number) => Step | undefined,
  width: number,
  c: ReturnType<typeof palette>,
): Generator<string> {
  const f = trace.final;
  yield c.bold(`Final: guarantee ${guaranteeText(f)}`);
  if (trace.sensitivity) yield* wrap(sensitivityWords(trace.sensitivity), width, '    ', '  ').map(c.bold);
  for (const note of trace.sensitivity?.notes ?? []) yield* wrap(`note: ${note}`, width, '    ', '  ').map(c.dim);
  yield* wrap(statusLine(f, ' · ', 'guarantee'), width, '  ', '  ');
  const m = trace.milestones;
  const dates = [
    m.concluded && `concluded ${m.concluded}`,
    m.implementation && `implementation from ${m.implementation}`,
  ].filter(Boolean);
  if (dates.length) yield `  ${dates.join(', ')}`;
  if (trace.milestones.entryIntoForce) {
    yield `  in force since ${trace.milestones.entryIntoForce}` +
      `${trace.milestones.termEnds ? `, term ends ${dateWords(trace.milestones.termEnds)}` : ''}`;
  }
  if (f.breaches.length === 0) yield '  no breaches recorded';
  for (const b of f.breaches)
    yield* wrap(`breach ${b.at}: ${breachWords(b)} (clause ${b.clause})`, width, '    ', '  ');
  if (assumed.length)
    yield* wrap(`assumptions (not in the plan): ${assumed.join('; ')}`, width, '    ', '  ').map(c.dim);
  if (trace.expectations.length) {
    const failed = trace.expectations.filter((x) => !x.ok);
    yield failed.length
      ? c.red(`expectations: ${failed.length} of ${trace.expectations.length} failed`)
      : c.green(
          trace.expectations.length === 1
            ? 'expectations: the one expectation holds'
            : `expectations: all ${trace.expectations.length} hold`,
        );
    for (const x of failed) yield* expectationLines(x, stepAt);
  }
  yield '';
  yield* legendTextLines(width, c.dim);
}

/**
 * A failed expectation in detail; `steps` finds the step it was checked against (a trace, or a lookup when streaming).
 */
export function* expectationLines(
  x: Trace['expectations'][number],
  steps: Pick<Trace, 'steps'> | ((index: number) => Step | undefined),
): Generator<string> {
  const step = x.step === null ? undefined : typeof steps === 'function' ? steps(x.step) : steps.steps[x.step];
  const where = step ? `step ${stepNumber(step)}, ${step.at} ${stepWords(step)}` : 'before the first event';
  yield `    line ${x.line}, on ${x.on} (${where}):`;
  for (const key of Object.keys(x.expected)) {
    const want = JSON.stringify(x.expected[key]);
    const got = JSON.stringify(x.actual[key]);
    if (want !== got || key !== 'breaches')
      yield `      ${key}: expected ${want}, got ${got}${want === got ? '' : '  ✗'}`;
  }
}
