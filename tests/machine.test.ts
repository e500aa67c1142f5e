// The statechart on its own, through XState's pure transition(): no actors, no timers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyStateNode } from 'xstate';
import { guaranteeMachine, type MachineEvent } from '../src/machine/machine.js';
import { statusOf, type GuaranteeSnapshot } from '../src/machine/status.js';
import {
  GUARANTEE_PHASE,
  MACHINE_EVENTS,
  REGION_VALUES,
  REGIONS,
  TERMINAL_GUARANTEE,
  VALUE_REGIONS,
  type MachineEventType,
} from '../src/plan/vocabulary.js';

const parameters = { 'term-years': 10, 'extension-years': 10, 'election-deadline-days': 100, 'relief-steps': 3 };
const ev = (type: MachineEventType, extra: Partial<MachineEvent> = {}): MachineEvent => ({
  type,
  at: '2030-01-01',
  rule: 'test',
  clause: 'test',
  party: null,
  breach: null,
  ...extra,
});
const start = () => initialTransition(guaranteeMachine, { parameters })[0];
const send = (s: GuaranteeSnapshot, ...events: MachineEvent[]) =>
  events.reduce((snap, e) => transition(guaranteeMachine, snap, e)[0], s);
const concluded = () => send(start(), ev('AGREEMENT_CONCLUDED', { at: '2026-03-01' }));
const inForce = () => send(concluded(), ev('ENTRY_INTO_FORCE', { at: '2026-03-01' }));
const implementing = () => send(inForce(), ev('IMPLEMENTATION_BEGINS', { at: '2026-04-01' }));

const TERMINAL_EVENT: Record<(typeof TERMINAL_GUARANTEE)[number], MachineEventType> = {
  revoked: 'UKRAINE_INVADES_RUSSIA',
  lapsed: 'STRIKE_WITHOUT_CAUSE',
  void: 'GUARANTEE_VOID',
  expired: 'TERM_ENDS',
};

describe('the statechart', () => {
  it('starts pending, awaiting signatures, with sanctions in place and no benefits', () => {
    expect(statusOf(start())).toEqual({
      agreement: 'open',
      guarantee: 'pending',
      guaranteePhase: 'awaiting-signatures',
      ceasefire: 'not-in-effect',
      sanctions: 'in-place',
      russiaBenefits: 'not-granted',
      breaches: [],
    });
  });

  it('schedules the election deadline at conclusion and the term at entry into force', () => {
    const s = inForce();
    expect(statusOf(s)).toMatchObject({ agreement: 'concluded', guarantee: 'in-force', russiaBenefits: 'not-granted' });
    expect(s.context).toMatchObject({
      concludedOn: '2026-03-01',
      entryIntoForceOn: '2026-03-01',
      termEndsOn: '2036-03-01',
      electionsDueBy: '2026-06-09',
    });
  });

  it('grants the benefits and starts the ceasefire when implementation begins, and only after conclusion', () => {
    expect(statusOf(implementing())).toMatchObject({
      agreement: 'implementing',
      ceasefire: 'in-effect',
      russiaBenefits: 'granted',
    });
    expect(statusOf(send(start(), ev('IMPLEMENTATION_BEGINS')))).toMatchObject({
      agreement: 'open',
      ceasefire: 'not-in-effect',
      russiaBenefits: 'not-granted',
    });
  });

  it('forfeits a promised guarantee only once the agreement is concluded', () => {
    expect(statusOf(send(start(), ev('UKRAINE_INVADES_RUSSIA'))).guarantee).toBe('pending');
    expect(statusOf(send(concluded(), ev('UKRAINE_INVADES_RUSSIA'))).guarantee).toBe('revoked');
    expect(statusOf(send(concluded(), ev('STRIKE_WITHOUT_CAUSE'))).guarantee).toBe('lapsed');
    expect(statusOf(send(concluded(), ev('GUARANTEE_VOID'))).guarantee).toBe('void');
  });

  it('counts relief steps only from implementation, the relief-steps-th lifting the sanctions', () => {
    expect(statusOf(send(inForce(), ev('SANCTIONS_RELIEF_STEP'))).sanctions).toBe('in-place');
    const s = send(implementing(), ev('SANCTIONS_RELIEF_STEP'), ev('SANCTIONS_RELIEF_STEP'));
    expect(statusOf(s).sanctions).toBe('easing');
    expect(statusOf(send(s, ev('SANCTIONS_RELIEF_STEP'))).sanctions).toBe('lifted');
  });

  it('applies the snapback only after conclusion, from not-granted and in-place too', () => {
    expect(statusOf(send(start(), ev('RUSSIA_INVADES_UKRAINE')))).toMatchObject({
      sanctions: 'in-place',
      russiaBenefits: 'not-granted',
    });
    expect(statusOf(send(concluded(), ev('RUSSIA_INVADES_UKRAINE')))).toMatchObject({
      sanctions: 'reinstated',
      russiaBenefits: 'withdrawn',
    });
  });

  it('enters invoked only from in-force, through a qualifying attack', () => {
    expect(statusOf(send(start(), ev('RUSSIAN_ATTACK_QUALIFIES'))).guarantee).toBe('pending');
    expect(statusOf(send(inForce(), ev('RUSSIAN_ATTACK_QUALIFIES')))).toMatchObject({
      guarantee: 'invoked',
      guaranteePhase: 'consultation',
    });
    for (const type of MACHINE_EVENTS.filter((t) => t !== 'RUSSIAN_ATTACK_QUALIFIES')) {
      expect(statusOf(send(inForce(), ev(type))).guarantee, type).not.toBe('invoked');
    }
  });

  for (const terminal of TERMINAL_GUARANTEE) {
    it(`absorbs every event once ${terminal}`, () => {
      const s = send(inForce(), ev(TERMINAL_EVENT[terminal]));
      expect(statusOf(s).guarantee).toBe(terminal);
      for (const type of MACHINE_EVENTS) expect(statusOf(send(s, ev(type))).guarantee, type).toBe(terminal);
      expect(s.context.termEndsOn).toBeNull();
    });
  }

  it('keeps reinstated sanctions reinstated whatever follows', () => {
    const s = send(implementing(), ev('SANCTIONS_RELIEF_STEP'), ev('RUSSIA_INVADES_UKRAINE'));
    expect(statusOf(s).sanctions).toBe('reinstated');
    for (const type of MACHINE_EVENTS) expect(statusOf(send(s, ev(type))).sanctions, type).toBe('reinstated');
  });

  it('records breaches only once the agreement is concluded', () => {
    const breach = ev('BREACH', { breach: 'force-cap', party: 'UA' });
    expect(statusOf(send(start(), breach)).breaches).toEqual([]);
    expect(statusOf(send(concluded(), breach)).breaches).toEqual([
      { kind: 'force-cap', party: 'UA', at: '2030-01-01', clause: 'test' },
    ]);
  });

  it('moves the end of the term by extension-years on an extension', () => {
    expect(send(inForce(), ev('TERM_EXTENDED')).context.termEndsOn).toBe('2046-03-01');
  });

  it('returns an invoked guarantee to in-force when hostilities end', () => {
    const s = send(inForce(), ev('RUSSIAN_ATTACK_QUALIFIES'), ev('US_RESPONSE_DECIDED'));
    expect(statusOf(s).guaranteePhase).toBe('response');
    expect(statusOf(send(s, ev('HOSTILITIES_ENDED')))).toMatchObject({ guarantee: 'in-force', guaranteePhase: null });
  });

  it('has no delayed transitions: deadlines are explicit events, never timers', () => {
    const nodes: AnyStateNode[] = [];
    const walk = (n: AnyStateNode) => {
      nodes.push(n);
      for (const c of Object.values(n.states)) walk(c as AnyStateNode);
    };
    walk(guaranteeMachine.root);
    expect(nodes.flatMap((n) => n.after)).toEqual([]);
  });

  it('has exactly the regions and values of the vocabulary', () => {
    const keys = (region: string) => Object.keys(guaranteeMachine.root.states[region]!.states);
    expect(Object.keys(guaranteeMachine.root.states)).toEqual(
      REGIONS.filter((r) => r !== 'guaranteePhase' && r !== 'breaches'),
    );
    for (const region of VALUE_REGIONS) expect(keys(region), region).toEqual([...REGION_VALUES[region]]);
    const g = guaranteeMachine.root.states.guarantee!;
    expect([...Object.keys(g.states.pending!.states), ...Object.keys(g.states.invoked!.states)]).toEqual([
      ...GUARANTEE_PHASE,
    ]);
    const finals = Object.entries(g.states).filter(([, n]) => (n as AnyStateNode).type === 'final');
    expect(finals.map(([name]) => name)).toEqual([...TERMINAL_GUARANTEE]);
  });

  it('declares every state of the status table in docs/semantics.md, and no other', () => {
    const table = readFileSync('docs/semantics.md', 'utf8').split('## Status')[1]!.split('\n## ')[0]!;
    const rows = new Map(
      [...table.matchAll(/^\| `(\w+)`[^|]*\| (.*) \|$/gm)].map(([, region, values]) => [
        region!,
        [...values!.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]),
      ]),
    );
    const states = (region: string) => Object.keys(guaranteeMachine.root.states[region]!.states);
    for (const region of VALUE_REGIONS) expect(rows.get(region), region).toEqual(states(region));
    const g = guaranteeMachine.root.states.guarantee!;
    expect(rows.get('guaranteePhase')).toEqual([
      ...Object.keys(g.states.pending!.states),
      ...Object.keys(g.states.invoked!.states),
    ]);
  });
});
