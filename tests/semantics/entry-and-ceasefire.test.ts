// DESIGN "Semantics": entry into force and the ceasefire.
import { describe, expect, it } from 'vitest';
import { attack, ENTRY, IN_FORCE, run, SIGN_ALL, statusOn, stepOf, WITHDRAW_BOTH } from '../helpers.js';

describe('entry into force', () => {
  it('comes on the date of the last withdrawal once all five have signed (on-ceasefire, the default)', async () => {
    const t = await run(IN_FORCE);
    expect(statusOn(t, '2026-02-28').guarantee).toBe('pending');
    expect(statusOn(t, ENTRY)).toMatchObject({ guarantee: 'in-force', guaranteePhase: null, russiaBenefits: 'granted' });
    expect(t.milestones.entryIntoForce).toBe(ENTRY);
  });

  it('waits for all five signatures: four are not enough', async () => {
    const t = await run([...SIGN_ALL('2026-01-10').filter((e) => e.party !== 'NATO'), ...WITHDRAW_BOTH('2026-03-01')]);
    expect(t.final).toMatchObject({ guarantee: 'pending', guaranteePhase: 'awaiting-signatures', russiaBenefits: 'not-granted' });
  });

  it('comes at the fifth signature when both sides withdrew first', async () => {
    const t = await run([...WITHDRAW_BOTH('2026-01-02'), ...SIGN_ALL('2026-01-10')]);
    expect(t.milestones.entryIntoForce).toBe('2026-01-10');
    expect(stepOf(t, '2026-01-10', 'signature') && t.steps[6]!.changed).toContain('guarantee');
  });

  it('shows which condition is awaited while pending', async () => {
    const t = await run([...SIGN_ALL('2026-01-10'), { at: '2026-02-01', type: 'withdrawal-completed', party: 'UA' }]);
    expect(statusOn(t, '2026-01-09').guaranteePhase).toBe('awaiting-signatures');
    expect(t.final).toMatchObject({ guarantee: 'pending', guaranteePhase: 'awaiting-ceasefire' });
  });

  it('comes at the fifth signature under entry-into-force = on-signature, before any withdrawal', async () => {
    const t = await run(SIGN_ALL('2026-01-10'), { interpretations: { 'entry-into-force': 'on-signature' } });
    expect(t.final).toMatchObject({ guarantee: 'in-force', ceasefire: 'not-in-effect', russiaBenefits: 'granted' });
  });

  it('waits for payment under compensation = precondition, whichever comes last', async () => {
    const events = [...IN_FORCE, { at: '2026-05-01', type: 'compensation-paid' }];
    const t = await run(events, { interpretations: { compensation: 'precondition' } });
    expect(statusOn(t, ENTRY)).toMatchObject({ guarantee: 'pending', guaranteePhase: 'awaiting-compensation', ceasefire: 'in-effect' });
    expect(t.milestones.entryIntoForce).toBe('2026-05-01');
    const early = await run([{ at: '2026-01-01', type: 'compensation-paid' }, ...IN_FORCE], { interpretations: { compensation: 'precondition' } });
    expect(early.milestones.entryIntoForce).toBe(ENTRY);
  });

  it('does not wait for payment when compensation is only recorded (the default)', async () => {
    const t = await run(IN_FORCE);
    expect(t.milestones.entryIntoForce).toBe(ENTRY);
  });

  it('is idempotent under a repeated signature', async () => {
    const once = await run(IN_FORCE);
    const twice = await run([...IN_FORCE, { at: '2026-06-01', type: 'signature', party: 'RU' }]);
    expect(twice.final).toEqual(once.final);
    expect(twice.steps[twice.steps.length - 1]!.fired).toEqual([]);
  });
});

describe('the ceasefire (point 28)', () => {
  it('takes effect once all five have signed and both sides have withdrawn, whatever the entry reading', async () => {
    const t = await run(IN_FORCE, { interpretations: { 'entry-into-force': 'on-signature' } });
    expect(statusOn(t, '2026-01-10').ceasefire).toBe('not-in-effect');
    expect(statusOn(t, ENTRY).ceasefire).toBe('in-effect');
  });

  it('is violated by any armed attack between Ukraine and Russia, recording a breach by the attacker', async () => {
    const t = await run([...IN_FORCE, attack('2026-06-01', 'UA', 'RU', { scale: 'incident' })]);
    expect(t.final.ceasefire).toBe('violated');
    expect(t.final.breaches).toEqual([{ kind: 'ceasefire-violation', party: 'UA', at: '2026-06-01', clause: 'ceasefire' }]);
  });

  it('records no violation when the ceasefire is not in effect', async () => {
    const t = await run([...SIGN_ALL('2026-01-10'), attack('2026-02-01', 'RU', 'UA', { scale: 'incident' })]);
    expect(t.final).toMatchObject({ ceasefire: 'not-in-effect', breaches: [] });
  });

  it('is not violated by an attack on a third state', async () => {
    const t = await run([...IN_FORCE, attack('2026-06-01', 'RU', 'EE', { scale: 'limited' })]);
    expect(t.final.ceasefire).toBe('in-effect');
  });

  it('is restored when hostilities end', async () => {
    const t = await run([...IN_FORCE, attack('2026-06-01', 'RU', 'UA', { scale: 'incident' }), { at: '2026-06-10', type: 'hostilities-ended' }]);
    expect(statusOn(t, '2026-06-01').ceasefire).toBe('violated');
    expect(t.final.ceasefire).toBe('in-effect');
  });
});
