// The compiled rules (the default) against the reference (json-rules-engine): bundled scenarios and random timelines.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordInputs } from '../../src/bench/measure.js';
import { longScenario } from '../../src/bench/scenarios.js';
import { createEngine, createEvaluator } from '../../src/rules/engine.js';
import { runOutcomes, runScenario } from '../../src/run/runner.js';
import type { Step } from '../../src/run/trace.js';
import { checkScenario, loadScenario } from '../../src/scenario/load.js';
import { assume, runBranches } from '../../src/whatif/branches.js';
import { DECIDED, runMatrix } from '../../src/whatif/matrix.js';
import { outcomeKey } from '../../src/whatif/outcome.js';
import { ruleSet } from '../helpers.js';
import { scenarioWithParametersArb } from './arbitraries.js';

const SCALE = Number(process.env.CASUS_PROPERTY_RUNS ?? 60) / 60;
const SCENARIOS = join(import.meta.dirname, '../../scenarios');

/** A full step as the outcomes-only path records it. */
const outcomeOf = ({ notFired: _, fired, ...step }: Step) => ({
  ...step,
  fired: fired.map(({ conditions: _c, unaffected: _u, ...f }) => f),
});

describe('the compiled rules', () => {
  it('give every bundled scenario, every branch, the same JSON trace as json-rules-engine', async () => {
    const files = readdirSync(SCENARIOS).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    for (const name of files) {
      const loaded = loadScenario(join(SCENARIOS, name), ruleSet);
      const reference = await runBranches(loaded, ruleSet, { engine: 'reference' });
      const compiled = await runBranches(loaded, ruleSet, { engine: 'compiled' });
      expect(JSON.stringify(compiled, null, 2), name).toBe(JSON.stringify(reference, null, 2));
    }
  });

  it(
    'give byte-identical JSON traces to json-rules-engine on random timelines, ' +
      'and the fast path the same outcomes',
    async () => {
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
        { numRuns: Math.round(200 * SCALE) },
      );
    },
  );

  it('give a long timeline that repeats itself the same JSON as json-rules-engine, from trees built once', async () => {
    const loaded = checkScenario(longScenario(2_000), ruleSet);
    const reference = await runScenario(loaded, ruleSet, { engine: 'reference' });
    const compiled = await runScenario(loaded, ruleSet, { engine: 'compiled' });
    expect(JSON.stringify(compiled, null, 2)).toBe(JSON.stringify(reference, null, 2));
    // the same near miss on the same facts is one shared object, so the JSON writes its text once
    const misses = compiled.steps.flatMap((s) => s.notFired);
    const texts = new Set(misses.map((m) => JSON.stringify(m)));
    expect(new Set(misses).size).toBe(texts.size);
    expect(misses.length).toBeGreaterThan(10 * texts.size);
    // shared, so read-only: a caller that changed one would change every run's trace
    expect(() => Object.assign(misses[0]!.conditions, { result: 'changed' })).toThrow(TypeError);
    expect(() => Object.assign(misses[0]!, { rule: 'changed' })).toThrow(TypeError);
    const unaffected = compiled.steps.flatMap((s) => s.fired.flatMap((f) => f.unaffected));
    expect(() => Object.assign(unaffected[0]!, { reason: 'changed' })).toThrow(TypeError);
  });

  it('json-rules-engine indexed by event type fires exactly the rules it fires with every rule loaded', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioWithParametersArb(30), async (s) => {
        const { facts } = recordInputs(checkScenario(s, ruleSet), ruleSet);
        const whole = createEngine(ruleSet);
        const indexed = createEvaluator(ruleSet);
        for (const f of facts) {
          const all = (await whole.run(f)).results.map((r) => r.name).sort();
          const some = (await indexed.evaluate(f))
            .filter((o) => o.fired)
            .map((o) => o.rule.name)
            .sort();
          expect(some).toEqual(all);
        }
      }),
      { numRuns: Math.round(30 * SCALE) },
    );
  });

  it(
    'the matrix, running once per class of readings that cannot differ, ' +
      'gives every combination the outcome of its own run',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarioWithParametersArb(20), fc.integer({ min: 0, max: 96 }), async (s, offset) => {
          // every attack named, so a fact the matrix branches on can be stated again with --assume
          const loaded = checkScenario(
            { ...s, events: s.events.map((e, i) => (e.type === 'armed-attack' ? { id: `attack-${i}`, ...e } : e)) },
            ruleSet,
          );
          const matrix = await runMatrix(loaded, ruleSet);
          expect(matrix.combinations).toBe(ruleSet.settings.interpretations.reduce((n, i) => n * i.readings.length, 1));
          const names = new Set(ruleSet.settings.interpretations.map((i) => i.name));
          for (const { final, combinations } of matrix.outcomes) {
            // every 97th combination of each outcome (and its first):
            // 2,304 separate runs per scenario would not fit the suite
            for (const combination of combinations.filter((_, i) => i === 0 || (i + offset) % 97 === 0)) {
              const set = Object.fromEntries(Object.entries(combination).filter(([k]) => names.has(k)));
              const facts = Object.entries(combination)
                .filter(([k, v]) => !names.has(k) && v !== DECIDED)
                .map(([k, v]) => `${k}=${v}`);
              const f = runOutcomes(
                assume(loaded, Object.fromEntries(facts.map((p) => [p.split('=')[0]!, p.endsWith('=true')]))),
                ruleSet,
                { set },
              ).final;
              expect(outcomeKey(f), JSON.stringify(combination)).toBe(outcomeKey(final));
            }
          }
        }),
        { numRuns: Math.round(15 * SCALE) },
      );
    },
  );
});
