// A simulation's distribution of outcomes, for the terminal and as JSON.
import { REGION_LABELS, VALUE_REGIONS } from '../plan/vocabulary.js';
import type { Summary } from '../simulate/tally.js';
import { count, wrap } from './text.js';

export interface SimulationReport {
  model: string;
  title: string;
  file: string;
  runs: number;
  seed: number;
  years: number;
  start: string;
  interpretations: Record<string, string>;
  parameters: Record<string, number>;
  summary: Summary;
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');
const bar = (n: number, of: number, width = 30) => '█'.repeat(of ? Math.round((width * n) / of) : 0);

const OUTCOME_WORDS: Record<string, string> = {
  invoked: 'invocation',
  revoked: 'revocation',
  lapsed: 'lapse',
  void: 'voidness',
  expired: 'expiry',
};
export function* simulationLines(r: SimulationReport): Generator<string> {
  const s = r.summary;
  yield r.title;
  yield `  ${r.model} · ${r.file}`;
  yield `  ${count(r.runs)} runs of ${r.years} years from ${r.start}, seed ${r.seed}`;
  yield '';
  for (const region of VALUE_REGIONS) {
    yield `Final status of ${REGION_LABELS[region].subject}`;
    for (const { value, runs } of s.final[region])
      yield `  ${value.padEnd(14)} ${count(runs).padStart(9)} ${pct(runs, s.runs).padStart(6)}  ${bar(runs, s.runs)}`;
    yield '';
  }
  yield `Time to each outcome, in years after entry into force ` +
    `(in force in ${pct(s.enteredIntoForce, s.runs)} of runs)`;
  for (const t of s.timeTo) {
    if (t.runs === 0) {
      yield `  ${OUTCOME_WORDS[t.outcome]!.padEnd(11)} never`;
      continue;
    }
    yield `  ${OUTCOME_WORDS[t.outcome]!.padEnd(11)} ${pct(t.runs, s.runs).padStart(6)} of runs ` +
      `· median ${t.years.median} · 10% by ${t.years.p10} · 90% by ${t.years.p90}`;
    const peak = Math.max(...t.byYear);
    const bars = t.byYear.map((n) => (peak ? ' ▁▂▃▄▅▆▇█'[Math.round((8 * n) / peak)] : ' ')).join('');
    yield `              by year: ${bars}  (years 1–${t.byYear.length})`;
  }
  yield '';
  yield 'What decided the final status (the step that set it)';
  for (const d of s.decidedBy) {
    const cause = d.rule ? `${d.rule} [${d.clause} · ${d.points.join(', ')}]` : 'never entered into force';
    yield `  ${d.status.padEnd(10)} ${count(d.runs).padStart(9)} ${pct(d.runs, s.runs).padStart(6)}  ${cause}`;
  }
  yield '';
  yield 'Runs with at least one breach';
  if (s.breaches.length === 0) yield '  none';
  for (const { value, runs } of s.breaches)
    yield `  ${value.padEnd(20)} ${count(runs).padStart(9)} ${pct(runs, s.runs).padStart(6)}`;
  const changed = [...Object.entries(r.interpretations), ...Object.entries(r.parameters)].map(([k, v]) => `${k}=${v}`);
  yield '';
  yield* wrap(changed.join(', '), 80, '  ', 'readings: ');
}

export function simulationJson(r: SimulationReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
