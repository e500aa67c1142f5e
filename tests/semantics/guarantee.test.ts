// DESIGN "Semantics": what invokes, revokes, lapses and voids the guarantee.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/issues.js';
import { attack, ENTRY, firedRules, IN_FORCE, qualifying, run, SIGN_ALL, statusOn, stepOf } from '../helpers.js';

describe('a qualifying Russian attack (10c and the guarantee draft)', () => {
  it('invokes a guarantee in force, phase consultation, reinstating sanctions and withdrawing benefits', async () => {
    const t = await run([...IN_FORCE, attack('2029-03-01', 'RU', 'UA', { crossesLine: true })]);
    expect(t.final).toMatchObject({ guarantee: 'invoked', guaranteePhase: 'consultation', sanctions: 'reinstated', russiaBenefits: 'withdrawn' });
  });

  it('does not qualify without crossing the line, or below large scale', async () => {
    for (const extra of [{ crossesLine: false }, {}, { crossesLine: true, scale: 'limited' }, { crossesLine: true, scale: 'incident' }]) {
      const t = await run([...IN_FORCE, attack('2029-03-01', 'RU', 'UA', extra)]);
      expect(t.final.guarantee, JSON.stringify(extra)).toBe('in-force');
      expect(t.final.sanctions).toBe('in-place');
    }
  });

  it('needs deliberate and sustained under attack-test = significant-deliberate-sustained', async () => {
    const strict = { interpretations: { 'attack-test': 'significant-deliberate-sustained' } };
    const notSustained = await run([...IN_FORCE, qualifying('2029-03-01', { sustained: false })], strict);
    expect(notSustained.final.guarantee).toBe('in-force');
    const all = await run([...IN_FORCE, qualifying('2029-03-01')], strict);
    expect(all.final.guarantee).toBe('invoked');
  });

  it('changes nothing before entry into force, and the trace says why', async () => {
    const t = await run([...SIGN_ALL('2026-01-10'), qualifying('2026-02-01')]);
    expect(t.final).toMatchObject({ guarantee: 'pending', sanctions: 'in-place', russiaBenefits: 'not-granted' });
    const fired = stepOf(t, '2026-02-01').fired.find((f) => f.rule === 'qualifying-russian-attack')!;
    expect(fired.changed).toEqual([]);
    expect(fired.unaffected.map((u) => u.region)).toEqual(['guarantee', 'sanctions', 'russiaBenefits']);
    expect(fired.unaffected[0]!.reason).toMatch(/pending: not yet in force/);
  });

  it("reinstates sanctions and withdraws benefits even when the guarantee is already terminal", async () => {
    const t = await run([...IN_FORCE, attack('2027-01-01', 'UA', 'RU', { means: 'ground', scale: 'limited' }), qualifying('2029-03-01')]);
    expect(t.final).toMatchObject({ guarantee: 'revoked', sanctions: 'reinstated', russiaBenefits: 'withdrawn' });
    const fired = stepOf(t, '2029-03-01').fired.find((f) => f.rule === 'qualifying-russian-attack')!;
    expect(fired.unaffected).toEqual([{ region: 'guarantee', reason: expect.stringMatching(/^guarantee is revoked: revoked \(point 10b\): terminal/) }]);
  });

  it('moves to the response phase when the US decides, and back in force when hostilities end', async () => {
    const t = await run([...IN_FORCE, qualifying('2029-03-01'), { at: '2029-03-09', type: 'us-response-decided', measures: ['intelligence'] }, { at: '2029-06-01', type: 'hostilities-ended' }]);
    expect(statusOn(t, '2029-03-09')).toMatchObject({ guarantee: 'invoked', guaranteePhase: 'response' });
    expect(t.final).toMatchObject({ guarantee: 'in-force', guaranteePhase: null, sanctions: 'reinstated' });
  });

  it('does not invoke an already invoked guarantee again', async () => {
    const t = await run([...IN_FORCE, qualifying('2029-03-01'), { at: '2029-03-09', type: 'us-response-decided', measures: ['economic'] }, qualifying('2029-04-01')]);
    expect(t.final.guaranteePhase).toBe('response');
  });
});

describe('a Ukrainian invasion of Russia (10b)', () => {
  it('revokes a guarantee in force: a limited ground attack under the invasion reading', async () => {
    const t = await run([...IN_FORCE, attack('2028-01-01', 'UA', 'RU', { means: 'ground', scale: 'limited' })]);
    expect(t.final.guarantee).toBe('revoked');
  });

  it('does not revoke for a drone raid under the invasion reading, but does under any-attack', async () => {
    const raid = attack('2028-01-01', 'UA', 'RU', { means: 'drone', scale: 'limited' });
    expect((await run([...IN_FORCE, raid])).final.guarantee).toBe('in-force');
    expect((await run([...IN_FORCE, raid], { interpretations: { 'ukraine-attack': 'any-attack' } })).final.guarantee).toBe('revoked');
  });

  it('never counts an incident, under either reading', async () => {
    const incident = attack('2028-01-01', 'UA', 'RU', { means: 'ground', scale: 'incident' });
    expect((await run([...IN_FORCE, incident], { interpretations: { 'ukraine-attack': 'any-attack' } })).final.guarantee).toBe('in-force');
  });

  it('revokes an invoked guarantee too', async () => {
    const t = await run([...IN_FORCE, qualifying('2029-03-01'), attack('2029-03-05', 'UA', 'RU', { means: 'mixed', scale: 'large-scale' })]);
    expect(t.final.guarantee).toBe('revoked');
  });
});

describe('a strike on Moscow or St Petersburg without cause (10d)', () => {
  const strike = (at: string, extra: Record<string, unknown> = {}) => attack(at, 'UA', 'RU', { means: 'missile', scale: 'limited', target: 'Moscow', ...extra });

  it('lapses the guarantee when the strike is stated to be without cause', async () => {
    expect((await run([...IN_FORCE, strike('2028-01-01', { justified: false })])).final.guarantee).toBe('lapsed');
  });

  it('does not lapse it when the strike is stated to be justified', async () => {
    expect((await run([...IN_FORCE, strike('2028-01-01', { justified: true })])).final.guarantee).toBe('in-force');
  });

  it('lapses it when justification is absent under strike-cause = strict', async () => {
    const t = await run([...IN_FORCE, qualifying('2028-01-01'), strike('2028-01-05')], { interpretations: { 'strike-cause': 'strict' } });
    expect(t.final.guarantee).toBe('lapsed');
  });

  it('under the retaliation window, has cause within 30 days of a qualifying attack and none after', async () => {
    const within = await run([...IN_FORCE, qualifying('2028-01-01'), strike('2028-01-31')]);
    expect(within.final.guarantee).toBe('invoked');
    const after = await run([...IN_FORCE, qualifying('2028-01-01'), strike('2028-02-01')]);
    expect(after.final.guarantee).toBe('lapsed');
    const never = await run([...IN_FORCE, strike('2028-02-01')]);
    expect(never.final.guarantee).toBe('lapsed');
  });

  it('takes the window length from the retaliation-window-days parameter', async () => {
    const t = await run([...IN_FORCE, qualifying('2028-01-01'), strike('2028-02-01')], { set: { 'retaliation-window-days': '31' } });
    expect(t.final.guarantee).toBe('invoked');
  });

  it('accepts the usual spellings of the two cities', async () => {
    for (const target of ['St. Petersburg', 'saint-petersburg', 'Moskva', 'МОСКВА']) {
      expect((await run([...IN_FORCE, strike('2028-01-01', { target, justified: false })])).final.guarantee, target).toBe('lapsed');
    }
  });

  it('does not apply to other cities or to other means', async () => {
    expect((await run([...IN_FORCE, strike('2028-01-01', { target: 'Belgorod', justified: false })])).final.guarantee).toBe('in-force');
    expect((await run([...IN_FORCE, strike('2028-01-01', { means: 'drone', justified: false })])).final.guarantee).toBe('in-force');
  });

  it('stops with a clear error when the cause is left to a judgement', async () => {
    await expect(run([...IN_FORCE, strike('2028-01-01', { justified: 'unknown' })])).rejects.toThrow(InputError);
    await expect(run([...IN_FORCE, strike('2028-01-01')], { interpretations: { 'strike-cause': 'unknown' } })).rejects.toThrow(/leaves it open/);
  });
});

describe('borders changed by force (22)', () => {
  const grab = (by: string, against: string) => attack('2028-01-01', by, against, { scale: 'limited', means: 'air', seizesTerritory: true });

  it("records a border-change breach by the attacker and voids the guarantee when Ukraine is the attacker", async () => {
    const t = await run([...IN_FORCE, grab('UA', 'RU')]);
    expect(t.final.guarantee).toBe('void');
    expect(t.final.breaches.map((b) => [b.kind, b.party])).toEqual([['ceasefire-violation', 'UA'], ['border-change', 'UA']]);
  });

  it('leaves the guarantee when Russia grabs land under breaching-party, and voids it under all-guarantees', async () => {
    const narrow = await run([...IN_FORCE, grab('RU', 'UA')]);
    expect(narrow.final.guarantee).toBe('in-force');
    expect(narrow.final.breaches.map((b) => b.kind)).toContain('border-change');
    const literal = await run([...IN_FORCE, grab('RU', 'UA')], { interpretations: { 'clause-22-scope': 'all-guarantees' } });
    expect(literal.final.guarantee).toBe('void');
  });
});

describe('one event, two terminal outcomes', () => {
  it('lists every rule that fired (priority, then rule-set order) and applies the one with the higher priority', async () => {
    const t = await run([...IN_FORCE, attack('2028-01-01', 'UA', 'RU', { means: 'ground', scale: 'limited', seizesTerritory: true })]);
    const step = stepOf(t, '2028-01-01');
    expect(firedRules(step)).toEqual(['ukraine-invasion', 'border-change-voids-guarantee', 'ceasefire-violation', 'border-change-breach']);
    expect(t.final.guarantee).toBe('revoked');
    const loser = step.fired.find((f) => f.rule === 'border-change-voids-guarantee')!;
    expect(loser.changed).toEqual([]);
    expect(loser.unaffected[0]!.reason).toMatch(/guarantee is revoked/);
  });
});

it('the guarantee stays in force through an ordinary year (control)', async () => {
  const t = await run([...IN_FORCE, { at: '2027-01-01', type: 'force-level-reported', party: 'UA', personnel: 500000 }]);
  expect(statusOn(t, '2027-01-01').guarantee).toBe('in-force');
  expect(ENTRY).toBe(t.milestones.entryIntoForce);
});
