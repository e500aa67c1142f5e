// casus diagram: generated from the machine definition, so no state or transition of the machine can be missing.
import type { AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { guaranteeMachine } from '../src/machine/machine.js';
import { dot, mermaid, runPath } from '../src/render/diagram.js';
import { runScenario } from '../src/run/runner.js';
import { loadScenario } from '../src/scenario/load.js';
import { captureIo, pattern, ruleSet } from './helpers.js';

/** Walks the machine itself, independently of the diagram code. */
function states(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((c) => [c as AnyStateNode, ...states(c as AnyStateNode)]);
}
const machineStates = states(guaranteeMachine.root as AnyStateNode);
const machineEvents = [
  ...new Set([guaranteeMachine.root as AnyStateNode, ...machineStates].flatMap((n) => Object.keys(n.on))),
];

describe('the statechart diagram', () => {
  it('walks a machine with every region and state of the Status contract', () => {
    expect(Object.keys(guaranteeMachine.root.states)).toEqual([
      'agreement',
      'guarantee',
      'ceasefire',
      'sanctions',
      'russiaBenefits',
    ]);
    expect(machineStates.length).toBeGreaterThanOrEqual(25);
  });

  it('names every state of the machine in the Mermaid output', () => {
    const text = mermaid();
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const s of machineStates) expect(text, s.id).toContain(`state "${s.key}" as `);
  });

  it('names every state of the machine in the DOT output', () => {
    const text = dot();
    expect(text.startsWith('digraph casus {')).toBe(true);
    for (const s of machineStates) expect(text, s.id).toContain(`label="${s.key}"`);
  });

  it('draws every event of the machine in both', () => {
    const [m, d] = [mermaid(), dot()];
    for (const event of machineEvents) {
      expect(m, event).toContain(event);
      expect(d, event).toContain(event);
    }
  });

  it('puts the parallel regions in Mermaid as composite states separated by --', () => {
    const text = mermaid();
    for (const region of ['guarantee', 'ceasefire', 'sanctions', 'russiaBenefits'])
      expect(text).toContain(`state "${region}" as ${region} {`);
    expect(text.split('\n').filter((l) => l.trim() === '--')).toHaveLength(4);
    expect(text).toContain('guarantee_in_force --> guarantee_invoked : RUSSIAN_ATTACK_QUALIFIES');
    expect(text).toContain('guarantee_revoked --> [*]');
    const opens = (text.match(/\{$/gm) ?? []).length;
    expect((text.match(/^\s*\}$/gm) ?? []).length).toBe(opens);
  });

  it('marks the states a run visited and where it ended, from its trace', async () => {
    const trace = await runScenario(
      loadScenario('scenarios/renewed-offensive-invokes-the-guarantee.yaml', ruleSet),
      ruleSet,
    );
    const path = runPath(trace);
    expect([...path.final]).toEqual(
      expect.arrayContaining(['guarantee.invoked', 'guarantee.invoked.response', 'sanctions.reinstated']),
    );
    expect(path.visited.has('guarantee.revoked')).toBe(false);
    expect(path.taken).toContainEqual(
      expect.objectContaining({
        from: 'guarantee.in-force',
        to: 'guarantee.invoked.consultation',
        event: 'RUSSIAN_ATTACK_QUALIFIES',
        at: '2029-03-01',
      }),
    );
    const m = mermaid(trace);
    expect(m).toMatch(/class [^\n]*guarantee_invoked_response[^\n]* current/);
    expect(m).toMatch(/class [^\n]*guarantee_in_force[^\n]* visited/);
    expect(m).not.toMatch(/class [^\n]*guarantee_revoked/);
    expect(dot(trace)).toMatch(
      pattern(
        /"guarantee\.in-force" -> "guarantee\.invoked\.consultation" /,
        /\[[^\]]*RUSSIAN_ATTACK_QUALIFIES[^\]]*color="#b45309"/,
      ),
    );
  });

  it('is printed by casus diagram, --format mermaid or dot', async () => {
    for (const [format, start] of [
      ['mermaid', 'stateDiagram-v2'],
      ['dot', 'digraph casus'],
    ] as const) {
      const io = captureIo();
      expect(await main(['diagram', '--format', format], io)).toBe(0);
      expect(io.out.startsWith(start)).toBe(true);
    }
    const io = captureIo();
    expect(await main(['diagram', '--format', 'png'], io)).toBe(2);
    expect(io.err).toMatch(/use mermaid or dot/);
  });
});
