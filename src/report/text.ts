// The terminal timeline: one block per step (date, the event in words, what changed, the clause), 80 columns.
import { eventsHandledIn } from '../machine/status.js';
import { partyName } from '../plan/parties.js';
import type { Breach, Region, Status } from '../plan/vocabulary.js';
import type { FiredRule, Step, Trace } from '../run/trace.js';
import { failedLeaves, failedWords, stepWords } from './words.js';

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

const guaranteeText = (s: Status) => (s.guaranteePhase ? `${s.guarantee} (${s.guaranteePhase})` : s.guarantee);
const breachText = (b: Breach) => `${b.kind} by ${partyName(b.party)}`;
const NBSP = '\u00a0';
/** The clause citation, kept on one line. */
const tag = (f: { clause: string; points: string[] }) => `[${f.clause} · ${f.points.join(', ')}]`.replaceAll(' ', NBSP);

const REGION_LABEL: Record<string, string> = { guarantee: 'guarantee', ceasefire: 'ceasefire', sanctions: 'sanctions', russiaBenefits: "Russia's benefits" };

function regionChange(region: Region, before: Status, after: Status): string | undefined {
  if (region === 'breaches') return undefined;
  if (region === 'guarantee' || region === 'guaranteePhase') return `guarantee ${guaranteeText(before)} → ${guaranteeText(after)}`;
  return `${REGION_LABEL[region]} ${before[region]} → ${after[region]}`;
}

const WHO = new Set(['type', 'by', 'against', 'party', 'in']);
const BINDING_EVENTS = new Set<string>(eventsHandledIn('guarantee', ['in-force', 'invoked']));

/** Near misses worth a line: rules that could have changed the guarantee and failed on more than who did what. */
function notableMisses(step: Step) {
  if (step.fired.some((f) => f.changed.includes('guarantee'))) return [];
  return step.notFired
    .filter((n) => BINDING_EVENTS.has(n.emits))
    .filter((n) => !failedLeaves(n.conditions).some((leaf) => WHO.has(leaf.fact)))
    .map((n) => ({ ...n, why: failedWords(n.conditions) }))
    .filter((n) => n.why.length > 0);
}

export function* textLines(trace: Trace, options: TextOptions): Generator<string> {
  const width = options.width ?? 80;
  const c = palette(options.colour);
  const pad = ' '.repeat(12);
  yield* wrap(trace.title, width, '  ').map(c.bold);
  yield* wrap(`${trace.scenario} · ${trace.file}`, width, '  ').map(c.dim);
  const readings = Object.entries(trace.interpretations).filter(([k, v]) => trace.defaults[k] !== v).map(([k, v]) => `${k}=${v}`);
  const params = Object.entries(trace.parameters).filter(([k, v]) => trace.defaults[k] !== v).map(([k, v]) => `${k}=${v}`);
  const chosen = [...readings, ...params];
  yield* wrap(chosen.length ? `${chosen.join(', ')}; everything else at its default` : 'every interpretation and parameter at its default', width, '  ', 'readings: ').map(c.dim);
  yield '';
  let before = trace.initial;
  for (const step of trace.steps) {
    const date = step.kind === 'deadline' ? c.cyan(step.at) : step.at;
    const words = wrap(stepWords(step), width, pad, pad);
    const head = words[0]!.slice(pad.length);
    yield `${date}  ${step.kind === 'deadline' ? c.cyan(head) : head}`;
    yield* words.slice(1);
    const shown = new Set<string>();
    for (const f of step.fired) yield* firedLines(f, before, step.status, shown, width, pad, c);
    for (const miss of notableMisses(step)) {
      yield* wrap(`· ${miss.rule} did not apply: ${miss.why.join('; ')} ${tag(miss)}`, width, `${pad}  `, pad).map(c.dim);
    }
    before = step.status;
  }
  yield '';
  yield* summaryLines(trace, width, c);
}

function* firedLines(f: FiredRule, before: Status, after: Status, shown: Set<string>, width: number, pad: string, c: ReturnType<typeof palette>): Generator<string> {
  for (const changed of f.changed) {
    const region = changed === 'guaranteePhase' ? 'guarantee' : changed;
    const text = regionChange(region, before, after);
    if (!text || shown.has(region)) continue;
    shown.add(region);
    const colour = region === 'guarantee' ? (['revoked', 'lapsed', 'void', 'expired'].includes(after.guarantee) ? c.red : after.guarantee === 'invoked' ? c.yellow : c.green) : c.bold;
    const lines = wrap(`→ ${text} ${tag(f)}`, width, `${pad}  `, pad);
    yield colour(lines[0]!);
    yield* lines.slice(1);
  }
  if (f.changed.includes('breaches') && !shown.has(`breach:${f.rule}`)) {
    shown.add(`breach:${f.rule}`);
    const added = after.breaches.slice(before.breaches.length).filter((b) => b.clause === f.clause);
    for (const b of added) yield* wrap(`→ breach: ${breachText(b)} ${tag(f)}`, width, `${pad}  `, pad).map(c.bold);
  }
  for (const u of f.unaffected) {
    yield* wrap(`· ${f.rule}: no effect on ${u.region}, ${u.reason} ${tag(f)}`, width, `${pad}  `, pad).map(c.dim);
  }
}

function* summaryLines(trace: Trace, width: number, c: ReturnType<typeof palette>): Generator<string> {
  const f = trace.final;
  yield c.bold(`Final: guarantee ${guaranteeText(f)}`);
  yield `  ceasefire ${f.ceasefire} · sanctions ${f.sanctions} · Russia's benefits ${f.russiaBenefits}`;
  if (trace.milestones.entryIntoForce) {
    yield `  in force since ${trace.milestones.entryIntoForce}${trace.milestones.termEnds ? `, term ends ${trace.milestones.termEnds}` : ''}`;
  }
  if (f.breaches.length === 0) yield '  no breaches recorded';
  for (const b of f.breaches) yield* wrap(`breach ${b.at}: ${breachText(b)} (clause ${b.clause})`, width, '    ', '  ');
  const assumed = trace.assumptions.map((a) => `${a}=${trace.parameters[a]}`);
  if (assumed.length) yield* wrap(`assumptions (not in the plan): ${assumed.join(', ')}`, width, '    ', '  ').map(c.dim);
  if (trace.expectations.length) {
    const failed = trace.expectations.filter((x) => !x.ok);
    yield failed.length ? c.red(`expectations: ${failed.length} of ${trace.expectations.length} failed`) : c.green(trace.expectations.length === 1 ? 'expectations: the one expectation holds' : `expectations: all ${trace.expectations.length} hold`);
    for (const x of failed) yield* expectationLines(x, trace);
  }
}

export function* expectationLines(x: Trace['expectations'][number], trace: Trace): Generator<string> {
  const step = x.step === null ? undefined : trace.steps[x.step];
  const where = step ? `step ${step.index}, ${step.at} ${stepWords(step)}` : 'before the first event';
  yield `    line ${x.line}, on ${x.on} (${where}):`;
  for (const key of Object.keys(x.expected)) {
    const want = JSON.stringify(x.expected[key]);
    const got = JSON.stringify(x.actual[key]);
    if (want !== got || key !== 'breaches') yield `      ${key}: expected ${want}, got ${got}${want === got ? '' : '  ✗'}`;
  }
}
