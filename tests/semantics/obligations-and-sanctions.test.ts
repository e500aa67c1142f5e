// DESIGN "Semantics": breaches of the parties' obligations, and sanctions relief.
import { describe, expect, it } from 'vitest';
import { attack, IN_FORCE, qualifying, run, SIGN_ALL, statusOn } from '../helpers.js';

const breachesOf = async (event: Record<string, unknown>, before = IN_FORCE) => {
  const t = await run([...before, { at: '2027-01-01', ...event } as never]);
  return { breaches: t.final.breaches.map((b) => [b.kind, b.party]), guarantee: t.final.guarantee };
};

describe('breaches (bind from entry into force; never change the guarantee by themselves)', () => {
  it('a force level above the cap is a force-cap breach by Ukraine; at the cap it is not', async () => {
    expect(await breachesOf({ type: 'force-level-reported', party: 'UA', personnel: 600001 })).toEqual({ breaches: [['force-cap', 'UA']], guarantee: 'in-force' });
    expect((await breachesOf({ type: 'force-level-reported', party: 'UA', personnel: 600000 })).breaches).toEqual([]);
  });

  it('follows the force-cap parameter', async () => {
    const t = await run([...IN_FORCE, { at: '2027-01-01', type: 'force-level-reported', party: 'UA', personnel: 700000 }], { set: { 'force-cap': '800000' } });
    expect(t.final.breaches).toEqual([]);
  });

  it('no Ukrainian election by entry + 100 days is an election-deadline breach', async () => {
    const t = await run([...SIGN_ALL('2026-01-10'), { at: '2026-03-01', type: 'withdrawal-completed', party: 'UA' }, { at: '2026-03-01', type: 'withdrawal-completed', party: 'RU' }], { until: '2026-12-31' });
    expect(t.final.breaches).toEqual([{ kind: 'election-deadline', party: 'UA', at: '2026-06-09', clause: 'elections' }]);
  });

  it('troops stationed in Ukraine by a NATO member are a breach by that member; by a non-member they are not', async () => {
    expect((await breachesOf({ type: 'troops-stationed', by: 'PL', in: 'UA' })).breaches).toEqual([['nato-troops', 'PL']]);
    expect((await breachesOf({ type: 'troops-stationed', by: 'NATO', in: 'UA' })).breaches).toEqual([['nato-troops', 'NATO']]);
    expect((await breachesOf({ type: 'troops-stationed', by: 'IN', in: 'UA' })).breaches).toEqual([]);
    expect((await breachesOf({ type: 'troops-stationed', by: 'PL', in: 'LT' })).breaches).toEqual([]);
  });

  it("any state's NATO accession is a breach by NATO", async () => {
    expect((await breachesOf({ type: 'nato-accession', party: 'MD' })).breaches).toEqual([['nato-accession', 'NATO']]);
    expect((await breachesOf({ type: 'nato-accession', party: 'UA' })).breaches).toEqual([['nato-accession', 'NATO']]);
  });

  it('Ukraine acquiring nuclear weapons is a nuclear-status breach; another state doing so is not', async () => {
    expect((await breachesOf({ type: 'nuclear-weapons-acquired', party: 'UA' })).breaches).toEqual([['nuclear-status', 'UA']]);
    expect((await breachesOf({ type: 'nuclear-weapons-acquired', party: 'PL' })).breaches).toEqual([]);
  });

  it('Russian forces entering the buffer zone are a breach with no consequence for the guarantee', async () => {
    expect(await breachesOf({ type: 'buffer-zone-entry', by: 'RU' })).toEqual({ breaches: [['buffer-zone', 'RU']], guarantee: 'in-force' });
    expect((await breachesOf({ type: 'buffer-zone-entry', by: 'UA' })).breaches).toEqual([]);
  });

  it('a Russian attack on a state other than Ukraine is a non-aggression breach', async () => {
    expect((await breachesOf({ type: 'armed-attack', by: 'RU', against: 'EE', scale: 'limited' })).breaches).toEqual([['non-aggression', 'RU']]);
  });

  it("a Peace Council finding of breach records the ruled party's breach; no-breach records nothing", async () => {
    expect((await breachesOf({ type: 'peace-council-ruling', party: 'RU', finding: 'breach' })).breaches).toEqual([['peace-council', 'RU']]);
    expect((await breachesOf({ type: 'peace-council-ruling', party: 'RU', finding: 'no-breach' })).breaches).toEqual([]);
  });

  it('nothing is recorded before entry into force, and the trace says obligations do not bind yet', async () => {
    const t = await run([...SIGN_ALL('2026-01-10'), { at: '2026-02-01', type: 'force-level-reported', party: 'UA', personnel: 900000 }]);
    expect(t.final.breaches).toEqual([]);
    expect(t.steps[t.steps.length - 1]!.fired[0]!.unaffected).toEqual([{ region: 'breaches', reason: 'obligations bind only from entry into force' }]);
  });
});

describe('sanctions on Russia (13)', () => {
  const relief = (at: string) => ({ at, type: 'sanctions-relief-step' });

  it('stay in place before entry into force: a relief step then changes nothing', async () => {
    const t = await run([...SIGN_ALL('2026-01-10'), relief('2026-02-01')]);
    expect(t.final.sanctions).toBe('in-place');
  });

  it('ease with each step after entry and are lifted at the relief-steps-th', async () => {
    const t = await run([...IN_FORCE, relief('2026-06-01'), relief('2026-09-01'), relief('2026-12-01')]);
    expect(['2026-06-01', '2026-09-01', '2026-12-01'].map((d) => statusOn(t, d).sanctions)).toEqual(['easing', 'easing', 'lifted']);
  });

  it('count only the steps taken after entry into force', async () => {
    const t = await run([...SIGN_ALL('2026-01-10'), relief('2026-02-01'), { at: '2026-03-01', type: 'withdrawal-completed', party: 'UA' }, { at: '2026-03-01', type: 'withdrawal-completed', party: 'RU' }, relief('2026-06-01'), relief('2026-09-01')]);
    expect(t.final.sanctions).toBe('easing');
  });

  it('are reinstated by a qualifying attack, even once lifted, and stay reinstated', async () => {
    const t = await run([...IN_FORCE, relief('2026-06-01'), relief('2026-09-01'), relief('2026-12-01'), qualifying('2029-01-01'), relief('2029-06-01')]);
    expect(t.final.sanctions).toBe('reinstated');
  });

  it('are not reinstated by an attack that does not qualify', async () => {
    const t = await run([...IN_FORCE, relief('2026-06-01'), attack('2029-01-01', 'RU', 'UA', { scale: 'limited', crossesLine: true })]);
    expect(t.final.sanctions).toBe('easing');
  });
});
