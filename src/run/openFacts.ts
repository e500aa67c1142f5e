// Facts a scenario leaves open (`unknown`): each one makes a run branch.
import type { LoadedScenario } from '../scenario/parse.js';
import { OPEN_FACTS } from '../scenario/schema.js';

export interface OpenFact {
  event: number;
  line: number;
  field: (typeof OPEN_FACTS)[number];
  /** how expectations name it: EVENT-ID.FIELD, or line-N.FIELD for an event without an id */
  key: string;
}

export function openFacts(loaded: LoadedScenario): OpenFact[] {
  return loaded.scenario.events.flatMap((e, event) =>
    OPEN_FACTS.filter((field) => (e as Record<string, unknown>)[field] === 'unknown').map((field) => ({
      event,
      line: loaded.eventLines[event] ?? 0,
      field,
      key: `${e.id ?? `line-${loaded.eventLines[event] ?? event}`}.${field}`,
    })),
  );
}

/** Whether an expectation applies to this run: every fact it assumes is stated with the assumed value. */
export function expectationApplies(loaded: LoadedScenario, assuming: Record<string, boolean> | undefined): boolean {
  if (!assuming) return true;
  return Object.entries(assuming).every(([key, value]) => {
    const [ref, field] = key.split('.') as [string, string];
    const i = loaded.scenario.events.findIndex((e, j) => e.id === ref || `line-${loaded.eventLines[j]}` === ref);
    return i >= 0 && (loaded.scenario.events[i] as Record<string, unknown>)[field] === value;
  });
}
