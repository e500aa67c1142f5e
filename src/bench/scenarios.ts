// Long, deterministic timelines for the benchmark: a treaty in
// force, then a decade of everyday events with few breaches.
import { addDays } from '../plan/dates.js';
import { SIGNATORIES } from '../plan/vocabulary.js';

type Event = Record<string, unknown> & { at: string; type: string };

const OPENING: Array<Record<string, unknown> & { type: string }> = [
  ...SIGNATORIES.map((party) => ({ type: 'signature', party })),
  { type: 'withdrawal-completed', party: 'UA' },
  { type: 'withdrawal-completed', party: 'RU' },
];

/** Everyday events that exercise most rules without adding a breach each time. */
const ROUTINE: Array<Record<string, unknown> & { type: string }> = [
  { type: 'election-held', party: 'UA' },
  { type: 'force-level-reported', party: 'UA', personnel: 550_000 },
  { type: 'sanctions-relief-step' },
  { type: 'armed-attack', by: 'RU', against: 'UA', scale: 'incident', means: 'drone', crossesLine: false },
  { type: 'consultations-held', with: ['UA', 'NATO', 'EU'] },
  {
    type: 'armed-attack',
    by: 'UA',
    against: 'RU',
    scale: 'incident',
    means: 'missile',
    target: 'Belgorod',
    justified: true,
  },
  { type: 'peace-council-ruling', party: 'RU', finding: 'no-breach' },
  { type: 'extension-agreed', parties: ['UA', 'US'] },
  {
    type: 'armed-attack',
    by: 'RU',
    against: 'UA',
    scale: 'limited',
    means: 'ground',
    // on the Russian-held side of the frozen line: a near miss of the snapback and of non-aggression, and no new breach
    territory: 'frozen-line',
    crossesLine: true,
    deliberate: true,
    sustained: false,
  },
  { type: 'us-response-decided', measures: ['diplomatic'] },
  { type: 'compensation-paid' },
  { type: 'troops-stationed', by: 'CN', in: 'UA' },
];

/** Events that change something; one of them every RARE steps keeps the breach list short. */
const RARE_EVERY = 2_500;
const RARE: Array<Record<string, unknown> & { type: string }> = [
  {
    type: 'armed-attack',
    by: 'RU',
    against: 'UA',
    scale: 'large-scale',
    means: 'mixed',
    crossesLine: true,
    deliberate: true,
    sustained: true,
  },
  { type: 'hostilities-ended' },
  { type: 'extension-agreed', parties: [...SIGNATORIES] },
];

/** `n` events (n ≥ 7) spread over about ten years from 2026-01-10, in date order. */
function longTimeline(n: number): Event[] {
  const span = 3_650;
  const events: Event[] = [];
  for (let i = 0; i < n; i++) {
    const day = i < OPENING.length ? i : OPENING.length + Math.floor(((i - OPENING.length) * span) / n);
    const body =
      i < OPENING.length
        ? OPENING[i]!
        : i % RARE_EVERY === 0
          ? RARE[(i / RARE_EVERY) % RARE.length]!
          : ROUTINE[i % ROUTINE.length]!;
    events.push({ at: addDays('2026-01-10', day), ...body });
  }
  return events;
}

export function longScenario(n: number) {
  return { scenario: `long-${n}`, title: `A decade of ${n} events`, events: longTimeline(n) };
}

/** The same scenario as YAML text, one flow mapping per event (what a user would write). */
export function longScenarioYaml(n: number): string {
  const s = longScenario(n);
  const flow = (e: Event) =>
    `{ ${Object.entries(e)
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`)
      .join(', ')} }`;
  return `scenario: ${s.scenario}\ntitle: ${s.title}\nevents:\n${s.events.map((e) => `  - ${flow(e)}\n`).join('')}`;
}
