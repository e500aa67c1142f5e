// The treaty's events and conditions in plain words, for every human-facing view of a trace.
import { visible } from '../issues/issue.js';
import { partyName } from '../plan/parties.js';
import type { Breach, Status } from '../plan/vocabulary.js';
import type { Source } from '../rules/schema.js';
import type { ScenarioEvent } from '../scenario/schema.js';
import type { Deadline, Sensitivity } from '../run/trace.js';

const list = (parties: readonly string[]) => parties.map(partyName).join(', ');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const MEANS_WORDS: Record<string, string> = {
  ground: 'with ground forces',
  air: 'from the air',
  missile: 'with missiles',
  drone: 'with drones',
  naval: 'from the sea',
  mixed: 'with combined forces',
};

function attackWords(e: Extract<ScenarioEvent, { type: 'armed-attack' }>): string {
  const traits = [
    e.scale,
    e.means ? MEANS_WORDS[e.means] : undefined,
    e.target ? `at ${e.target}` : undefined,
    e.crossesLine === true
      ? 'across the line'
      : e.crossesLine === false
        ? 'not across the line'
        : e.crossesLine === 'unknown'
          ? 'whether across the line unknown'
          : undefined,
    e.deliberate === true
      ? 'deliberate'
      : e.deliberate === false
        ? 'not deliberate'
        : e.deliberate === 'unknown'
          ? 'whether deliberate unknown'
          : undefined,
    e.sustained === true
      ? 'sustained'
      : e.sustained === false
        ? 'not sustained'
        : e.sustained === 'unknown'
          ? 'whether sustained unknown'
          : undefined,
    e.seizesTerritory === true
      ? 'seizing territory'
      : e.seizesTerritory === 'unknown'
        ? 'whether it seized territory unknown'
        : undefined,
    e.justified === true
      ? 'with cause'
      : e.justified === false
        ? 'without cause'
        : e.justified === 'unknown'
          ? 'cause disputed'
          : undefined,
  ].filter(Boolean);
  return `${partyName(e.by)} attacks ${partyName(e.against)}: ${traits.join(', ')}`;
}

function eventWords(e: ScenarioEvent): string {
  switch (e.type) {
    case 'signature':
      return `${partyName(e.party)} signs`;
    case 'withdrawal-completed':
      return `${partyName(e.party)} completes its withdrawal`;
    case 'armed-attack':
      return attackWords(e);
    case 'buffer-zone-entry':
      return `${partyName(e.by)} enters the buffer zone`;
    case 'consultations-held':
      return `Consultations with ${list(e.with)}`;
    case 'us-response-decided':
      return `The US decides its response: ${e.measures.join(', ')}`;
    case 'hostilities-ended':
      return 'Hostilities end';
    case 'extension-agreed':
      return `Extension agreed by ${list(e.parties)}`;
    case 'force-level-reported':
      return `${partyName(e.party)} reports ${e.personnel.toLocaleString('en-US')} personnel`;
    case 'election-held':
      return `${partyName(e.party)} holds an election`;
    case 'troops-stationed':
      return `${partyName(e.by)} stations troops in ${partyName(e.in)}${e.mandate ? ` (${e.mandate})` : ''}`;
    case 'nato-accession':
      return `${partyName(e.party)} joins NATO`;
    case 'nuclear-weapons-acquired':
      return `${partyName(e.party)} acquires nuclear weapons`;
    case 'sanctions-relief-step':
      return 'A sanctions-relief step';
    case 'compensation-paid':
      return 'The US is compensated';
    case 'ratification':
      return `${partyName(e.party)} ratifies${e.body ? ` (${e.body})` : ''}`;
    case 'referendum-held':
      return `${partyName(e.party)} holds a referendum: ${e.result}`;
    case 'peace-council-ruling':
      return e.finding === 'breach'
        ? `The Peace Council finds ${partyName(e.party)} in breach`
        : `The Peace Council finds no breach by ${partyName(e.party)}`;
  }
}

function deadlineWords(d: Deadline): string {
  return d.type === 'term-end' ? "The guarantee's term ends" : 'The deadline for Ukrainian elections passes';
}

/** Where an event comes from and how sure it is: "(contested; source: …)". */
function provenanceWords(e: ScenarioEvent): string {
  const parts = [e.confidence, e.source ? `source: ${e.source}` : undefined].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

export function stepWords(step: { event?: ScenarioEvent; deadline?: Deadline }): string {
  if (step.event) return visible(`${cap(eventWords(step.event))}${provenanceWords(step.event)}`);
  return step.deadline ? deadlineWords(step.deadline) : '';
}

/** A cited source, short: "https://… (corroborated)". */
export const sourceWords = (s: Pick<Source, 'address' | 'confidence'>): string => `${s.address} (${s.confidence})`;

/** A breach in words: "force-cap by Ukraine". */
export const breachWords = (b: Pick<Breach, 'kind' | 'party'>): string => `${b.kind} by ${partyName(b.party)}`;

/** A status's breaches in a table cell: "force-cap (UA), buffer-zone (RU)", or none. */
export const breachesCell = (s: Pick<Status, 'breaches'>): string =>
  s.breaches.length ? s.breaches.map((b) => `${b.kind} (${b.party})`).join(', ') : 'none';

/** The readings and parameters a run chose away from their defaults ("attack-test=any-attack, …"), in one phrase. */
export const chosenWords = (chosen: readonly string[]): string =>
  chosen.length
    ? `${chosen.join(', ')}; everything else at its default`
    : 'every interpretation and parameter at its default';

/** A branch of a run on open facts, by what it assumes: "moscow-strike.justified = true", or no assumption. */
export const branchName = (assumed: Record<string, boolean>): string =>
  Object.entries(assumed)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ') || 'no assumption';

/** The facts a run assumes (--assume), in one phrase; empty when none. */
export function assumedWords(assumed: Record<string, boolean> | undefined): string {
  const pairs = Object.entries(assumed ?? {}).map(([k, v]) => `${k} = ${v}`);
  return pairs.length ? `${pairs.join(', ')} (with --assume: facts the scenario leaves open)` : '';
}

/** The sensitivity in one line: "holds under all N readings", or "depends on: NAME (under VALUE: what changes)". */
export function sensitivityWords(s: Sensitivity): string {
  if (s.dependsOn.length === 0) return `holds under all ${s.readings} readings`;
  const under = (u: Record<string, string>) => {
    const pairs = Object.entries(u);
    return pairs.length === 1 && !pairs[0]![0].includes('.')
      ? pairs[0]![1]
      : pairs.map(([k, v]) => `${k} = ${v}`).join(' and ');
  };
  const shown = s.alternatives.slice(0, 3).map((a) => `under ${under(a.under)}: ${a.changes.join('; ')}`);
  const more = s.alternatives.length - shown.length;
  return (
    `depends on: ${s.dependsOn.join(', ')} ` +
    `(${shown.join('; ')}${more > 0 ? `; ${more} other outcome${more === 1 ? '' : 's'}: casus matrix` : ''})`
  );
}

/** A step as people count it, from 1 (the trace's index counts from 0): every view prints this. */
export const stepNumber = (s: { index: number }): number => s.index + 1;
