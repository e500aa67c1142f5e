// The check report in words: what was verified, what overlaps, and which overlaps the plan's own text explains.
import { BOUND_ENV } from '../check/bounds.js';
import type { CheckReport, Finding } from '../check/index.js';
import { partyName } from '../plan/parties.js';
import { count, legendTextLines, wrap } from './text.js';

const mark = (ok: boolean) => (ok ? '✓' : '✗');
/** Overlaps and failed details printed in full; the rest are counted (--format json lists every one). */
const SHOWN = 40;
const more = (n: number, what: string) =>
  `… and ${n.toLocaleString('en-US')} more ${what} (--format json lists them all)`;

function exampleWords(f: Finding): string {
  const e = f.example;
  const fields = Object.entries(e)
    .filter(([k]) => k !== 'by' && k !== 'against')
    .map(([k, v]) => (v === true ? k : `${k} ${Array.isArray(v) ? v.join(',') : String(v)}`));
  const who =
    typeof e.by === 'string' && typeof e.against === 'string'
      ? `by ${partyName(e.by)} against ${partyName(e.against)}`
      : '';
  const under = Object.entries(f.exampleReadings).map(([k, v]) => `${k} = ${v}`);
  return (
    `${f.eventType} ${who}${fields.length ? `, ${fields.join(', ')}` : ''}` +
    `${under.length ? ` (under ${under.join(', ')})` : ''}`
  ).trim();
}

function readingWords(f: Finding): string {
  const limited = Object.entries(f.readings).map(([name, values]) => `${name} = ${values.join(' or ')}`);
  return limited.length ? `only under ${limited.join(' and ')}` : 'under every reading';
}

/** Each law proved (with its cases) or broken, with the shortest timeline that breaks it. */
function* lawLines(report: CheckReport): Generator<string> {
  const { results, classes, dir } = report.laws;
  yield `Laws (${dir})`;
  yield* wrap(
    `(each over every reachable snapshot × every event of the finite domain × every reading; ` +
      `${count(classes)} classes of events that the rules and the laws tell apart)`,
    80,
    '  ',
    '  ',
  );
  for (const l of results) {
    yield* wrap(
      `${mark(l.proved)} ${l.name} (points ${l.points.join(', ')}): ` +
        `${l.proved ? `proved, ${count(l.cases)} cases, ${count(l.applicable)} where it applies` : 'broken'}`,
      80,
      '      ',
      '  ',
    );
    if (l.proved) continue;
    const v = l.violations[0]!;
    yield* wrap(`${l.description}`, 80, '      ', '    ');
    yield* wrap(
      `e.g. ${String(v.event.type)} takes the guarantee ${v.before.guarantee} → ${v.after.guarantee}, ` +
        `agreement ${v.before.agreement} → ${v.after.agreement}, ` +
        `sanctions ${v.before.sanctions} → ${v.after.sanctions}` +
        `${v.fired.length ? ` (rules ${v.fired.join(', ')})` : ''}`,
      80,
      '      ',
      '    ',
    );
    if (l.counterexample) {
      const c = l.counterexample;
      yield* wrap(
        `shortest timeline that breaks it (${c.events} event${c.events === 1 ? '' : 's'}, step ${c.step + 1}; ` +
          `casus run and casus explain read it${c.file ? `; written to ${c.file}` : ''}):`,
        80,
        '      ',
        '    ',
      );
      for (const line of c.yaml.trimEnd().split('\n')) yield `      ${line}`;
    } else yield* wrap(`no timeline shown: ${l.unreached}`, 80, '      ', '    ');
  }
  for (const name of report.laws.excepted)
    yield* wrap(`- ${name}: not about this plan version (its exceptPlans names it)`, 80, '      ', '  ');
}

export function* checkLines(report: CheckReport): Generator<string> {
  const r = report.ruleSet;
  yield `casus check · ${r.dir}`;
  yield `${r.rules} rules, ${r.clauses} clauses, ${r.interpretationCombinations} combinations of readings`;
  yield '';
  yield 'Static checks';
  for (const s of report.static) {
    yield* wrap(`${mark(s.ok)} ${s.name}${s.ok ? ` (${s.details.join('; ')})` : ''}`, 80, '      ', '  ');
    if (!s.ok) for (const d of s.details.slice(0, SHOWN)) yield* wrap(d, 80, '      ', '    - ');
    if (!s.ok && s.details.length > SHOWN) yield `    ${more(s.details.length - SHOWN, 'details')}`;
  }
  yield '';
  const ss = report.stateSpace;
  yield* wrap(
    `State space: ${ss.snapshots} reachable snapshots, ${ss.transitions} transitions, ${ss.statuses} distinct statuses`,
    80,
    '  ',
  );
  yield '';
  yield* lawLines(report);
  yield '';
  yield `Overlaps: rules that fire on the same event with incompatible outcomes`;
  yield* wrap(
    `(${report.domain.combinations.toLocaleString('en-US')} combinations of the facts the rules read, ` +
      `every event type, reading and reachable status; ` +
      `${report.domain.searchNodes.toLocaleString('en-US')} search nodes)`,
    80,
    '  ',
    '  ',
  );
  if (report.findings.length === 0) yield '  none';
  for (const f of report.findings.slice(0, SHOWN)) {
    const head =
      `${f.acknowledged ? '!' : '✗'} ${f.rules[0]} (${f.outcomes[0]}) and ${f.rules[1]} (${f.outcomes[1]}): ` +
      `the guarantee ends ${f.applied}`;
    yield* wrap(head, 80, '      ', '  ');
    yield* wrap(`e.g. ${exampleWords(f)}; ${readingWords(f)}`, 80, '      ', '    ');
    if (f.acknowledged)
      yield* wrap(
        `acknowledged (points ${f.acknowledged.points.join(', ')}): ` +
          `${f.acknowledged.question} ${f.acknowledged.rationale}`,
        80,
        '      ',
        '    ',
      );
    else
      yield* wrap(
        'not acknowledged: add it to ambiguities.json with the reason, or make the rules exclusive',
        80,
        '      ',
        '    ',
      );
  }
  if (report.findings.length > SHOWN) yield `  ${more(report.findings.length - SHOWN, 'overlaps')}`;
  const stop = report.stopped;
  if (stop) {
    const what =
      stop.bound === 'pairs'
        ? `${stop.limit.toLocaleString('en-US')} pairs of rules`
        : `${stop.limit.toLocaleString('en-US')} search nodes`;
    yield* wrap(
      `✗ stopped at the limit of ${what}: ` +
        `${stop.pairsExamined.toLocaleString('en-US')} of ${stop.pairs.toLocaleString('en-US')} ` +
        `pairs with incompatible outcomes examined, so overlaps may be missing; ` +
        `raise the limit for a rule set you trust with ${BOUND_ENV[stop.bound]}=${stop.limit * 10}`,
      80,
      '      ',
      '  ',
    );
  }
  for (const [a, b] of report.stale)
    yield* wrap(
      `note: ambiguities.json acknowledges ${a} and ${b}, which no longer overlap; remove the entry`,
      80,
      '    ',
      '  ',
    );
  yield '';
  yield* legendTextLines(80);
  yield '';
  const unacknowledged = report.findings.filter((f) => !f.acknowledged).length;
  const failed = report.static.filter((s) => !s.ok).length;
  const broken = report.laws.results.filter((l) => !l.proved).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  yield report.ok
    ? `ok: ${report.findings.length} known ambiguities of the plan, ` +
      `no unacknowledged conflicts, ${plural(report.laws.results.length, 'law')} proved`
    : `failed: ${plural(failed, 'check')} failed, ${plural(unacknowledged, 'unacknowledged conflict')}, ` +
      `${plural(broken, 'law')} broken${stop ? ', the search for overlaps incomplete' : ''}`;
}
