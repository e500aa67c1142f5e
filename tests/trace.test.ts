// The JSON trace is a public contract (docs/semantics.md, "The JSON trace"): shape, completeness and determinism.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBranches } from '../src/whatif/branches.js';
import type { Trace } from '../src/run/trace.js';
import type { ConditionTrace } from '../src/rules/conditions.js';
import { loadScenario } from '../src/scenario/load.js';
import { GUARANTEE, REGIONS } from '../src/plan/vocabulary.js';
import { IN_FORCE, qualifying, run, ruleSet } from './helpers.js';

const files = readdirSync('scenarios')
  .filter((f) => /\.ya?ml$|\.json$/.test(f))
  .map((f) => `scenarios/${f}`);

function leafCount(c: ConditionTrace): number {
  if ('all' in c) return c.all.reduce((n, x) => n + leafCount(x), 0);
  if ('any' in c) return c.any.reduce((n, x) => n + leafCount(x), 0);
  if ('not' in c) return leafCount(c.not);
  expect(c).toHaveProperty('factValue');
  expect([true, false, null]).toContain(c.result);
  return 1;
}

/** The public shape of a trace (docs/semantics.md, "The JSON trace"). */
function checkContract(trace: Trace): void {
  expect(Object.keys(trace)).toEqual(
    expect.arrayContaining(['scenario', 'title', 'interpretations', 'parameters', 'steps', 'final', 'expectations']),
  );
  expect(Object.keys(trace.interpretations)).toEqual(ruleSet.settings.interpretations.map((i) => i.name));
  expect(Object.keys(trace.parameters)).toEqual(ruleSet.settings.parameters.map((p) => p.name));
  expect(GUARANTEE).toContain(trace.final.guarantee);
  expect(Array.isArray(trace.final.breaches)).toBe(true);
  for (const step of trace.steps) {
    expect(['event', 'deadline']).toContain(step.kind);
    expect(step.kind === 'event' ? step.event : step.deadline).toBeDefined();
    expect(step.kind === 'event' ? typeof step.line : step.line).toBe(step.kind === 'event' ? 'number' : null);
    expect(Object.keys(step.status)).toEqual([...REGIONS]);
    for (const r of step.changed) expect(REGIONS).toContain(r);
    for (const f of step.fired) {
      expect(f).toMatchObject({
        rule: expect.any(String),
        clause: expect.any(String),
        points: expect.any(Array),
        emits: expect.any(String),
      });
      expect(leafCount(f.conditions)).toBeGreaterThan(0);
    }
  }
  for (const x of trace.expectations)
    expect(x).toMatchObject({
      on: expect.any(String),
      ok: expect.any(Boolean),
      expected: expect.any(Object),
      actual: expect.any(Object),
    });
}

describe('the JSON trace', () => {
  it.each(files)('of %s follows the contract (every branch)', async (file) => {
    for (const branch of (await runBranches(loadScenario(file, ruleSet), ruleSet)).outcomes.flatMap((o) => o.branches))
      checkContract(JSON.parse(JSON.stringify(branch.trace)));
  });

  it('is byte-identical for the same input', async () => {
    const events = [
      ...IN_FORCE,
      qualifying('2029-03-01'),
      {
        at: '2029-03-02',
        type: 'armed-attack',
        by: 'UA',
        against: 'RU',
        scale: 'limited',
        means: 'ground',
        seizesTerritory: true,
      },
    ];
    const a = JSON.stringify(await run(events, { until: '2040-01-01' }));
    const b = JSON.stringify(await run(events, { until: '2040-01-01' }));
    expect(a).toBe(b);
  });

  it('names the value each condition saw and its result', async () => {
    const t = await run([...IN_FORCE, qualifying('2029-03-01')]);
    const fired = t.steps[t.steps.length - 1]!.fired.find((f) => f.rule === 'qualifying-russian-attack')!;
    expect(fired.conditions).toMatchObject({
      all: expect.arrayContaining([
        { fact: 'scale', operator: 'equal', value: 'large-scale', factValue: 'large-scale', result: true },
      ]),
      result: true,
    });
  });

  it('cites the clause and plan points of every fired rule', async () => {
    const t = await run([...IN_FORCE, qualifying('2029-03-01', { means: 'ground' })]);
    const cited = t.steps.flatMap((s) => s.fired.map((f) => `${f.clause}:${f.points.join(',')}`));
    expect(cited).toContain('guarantee-trigger:SG');
    expect(cited).toContain('snapback:10c');
    expect(cited).toContain('entry-into-force:28,SG');
  });

  it('resolves interpretations: --set beats the scenario, which beats the default', async () => {
    const t = await run(IN_FORCE, {
      interpretations: { 'attack-test': 'significant-deliberate-sustained', 'invasion-test': 'any-attack' },
      set: { 'attack-test': 'large-scale' },
    });
    expect(t.interpretations).toMatchObject({
      'attack-test': 'large-scale',
      'invasion-test': 'any-attack',
      'strike-cause': 'retaliation-window',
    });
    expect(t.assumptions).toContain('relief-steps');
  });

  it('names the new name of a renamed reading, in a scenario and in --set', async () => {
    expect(() => run(IN_FORCE, { interpretations: { 'ukraine-attack': 'any-attack' } })).toThrow(
      /ukraine-attack was renamed invasion-test/,
    );
    await expect(run(IN_FORCE, { set: { 'ukraine-attack': 'any-attack' } })).rejects.toThrow(
      /ukraine-attack was renamed invasion-test/,
    );
  });
});
