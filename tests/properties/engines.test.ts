// The compiled fast path against the reference (json-rules-engine), on random timelines (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOutcomes, runScenario } from '../../src/run/runner.js';
import type { Step } from '../../src/run/trace.js';
import { checkScenario } from '../../src/scenario/load.js';
import { ruleSet } from '../helpers.js';
import { scenarioWithParametersArb } from './arbitraries.js';

const SCALE = Number(process.env.CASUS_PROPERTY_RUNS ?? 60) / 60;

/** A full step as the outcomes-only path records it. */
const outcomeOf = ({ notFired: _, fired, ...step }: Step) => ({ ...step, fired: fired.map(({ conditions: _c, unaffected: _u, ...f }) => f) });

describe('the compiled rules', () => {
  it('give byte-identical JSON traces to json-rules-engine, explanations included, and the fast path the same outcomes', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioWithParametersArb(30), async (s) => {
        const loaded = checkScenario(s, ruleSet);
        const reference = await runScenario(loaded, ruleSet, { engine: 'reference' });
        const compiled = await runScenario(loaded, ruleSet, { engine: 'compiled' });
        expect(JSON.stringify(compiled, null, 2)).toBe(JSON.stringify(reference, null, 2));
        const steps: unknown[] = [];
        const end = runOutcomes(loaded, ruleSet, {}, (step) => steps.push(step));
        expect(steps).toEqual(reference.steps.map(outcomeOf));
        expect(JSON.stringify(end.final)).toBe(JSON.stringify(reference.final));
        expect(end.milestones).toEqual(reference.milestones);
      }),
      { numRuns: Math.round(150 * SCALE) },
    );
  });
});
