// docs/semantics.md: the three milestones, the guarantee's entry into force, and the ceasefire (28).
import { describe, expect, it } from 'vitest';
import { attack, IN_FORCE, run, SIGN_ALL, statusOn, WITHDRAW_BOTH } from '../helpers.js';
import { breachList, CONCLUSION, event, IMPLEMENTATION, reasonFor, sign, step, withdraw } from './support.js';

const ON_CEASEFIRE = { 'entry-into-force': 'on-ceasefire' };
const PRECONDITION = { compensation: 'precondition' };
const FOUR = ['UA', 'RU', 'US', 'EU'].map((p) => sign(CONCLUSION, p));

describe('three milestones, each on the date of the event that completes it', () => {
  it('the agreement is concluded with the fifth signature of UA, RU, US, EU and NATO, not with four', async () => {
    const four = await run([...FOUR, sign('2026-02-01', 'PL')]);
    expect(four.final.agreement).toBe('open');
    expect(four.milestones.concluded).toBeNull();
    const five = await run([...FOUR, sign('2026-02-01', 'NATO')]);
    expect(statusOn(five, CONCLUSION).agreement).toBe('open');
    expect(statusOn(five, '2026-02-01').agreement).toBe('concluded');
    expect(five.milestones.concluded).toBe('2026-02-01');
  });

  it(
    'from conclusion the obligations bind: a breach before the fifth signature is not recorded, ' +
      'the same breach after it is',
    async () => {
      const overCap = (at: string) => event(at, 'force-level-reported', { party: 'UA', personnel: 700000 });
      const before = await run([...FOUR, overCap('2026-02-01'), sign('2026-02-01', 'NATO')]);
      expect(before.final.agreement).toBe('concluded');
      expect(before.final.breaches).toEqual([]);
      expect(reasonFor(step(before, '2026-02-01', 'force-level-reported'), 'force-cap-exceeded', 'breaches')).toMatch(
        /concluded/,
      );
      const after = await run([...FOUR, sign('2026-02-01', 'NATO'), overCap('2026-02-01')]);
      expect(after.final.breaches).toEqual([{ kind: 'force-cap', party: 'UA', at: '2026-02-01', clause: 'force-cap' }]);
    },
  );

  it(
    'implementation begins once the agreement is concluded and both UA and RU have completed withdrawal: ' +
      'implementing, ceasefire in effect, benefits granted',
    async () => {
      const t = await run(IN_FORCE);
      expect(statusOn(t, CONCLUSION)).toMatchObject({
        agreement: 'concluded',
        ceasefire: 'not-in-effect',
        russiaBenefits: 'not-granted',
      });
      expect(statusOn(t, IMPLEMENTATION)).toMatchObject({
        agreement: 'implementing',
        ceasefire: 'in-effect',
        russiaBenefits: 'granted',
      });
      expect(t.milestones.implementation).toBe(IMPLEMENTATION);
      const oneSide = await run([
        ...SIGN_ALL(CONCLUSION),
        withdraw(IMPLEMENTATION, 'UA'),
        withdraw(IMPLEMENTATION, 'UA'),
      ]);
      expect(oneSide.final).toMatchObject({
        agreement: 'concluded',
        ceasefire: 'not-in-effect',
        russiaBenefits: 'not-granted',
      });
    },
  );

  it('withdrawals completed before conclusion count: implementation begins with the fifth signature', async () => {
    const t = await run([...WITHDRAW_BOTH('2026-01-02'), ...SIGN_ALL(CONCLUSION)]);
    expect(statusOn(t, '2026-01-02').agreement).toBe('open');
    expect(statusOn(t, CONCLUSION)).toMatchObject({
      agreement: 'implementing',
      ceasefire: 'in-effect',
      russiaBenefits: 'granted',
    });
    expect(t.milestones.implementation).toBe(CONCLUSION);
    const onlyUkraine = await run([withdraw('2026-01-02', 'UA'), ...SIGN_ALL(CONCLUSION)]);
    expect(onlyUkraine.final.agreement).toBe('concluded');
  });

  it(
    'compensation paid before conclusion counts: ' +
      'under the precondition reading the guarantee enters into force with the fifth signature',
    async () => {
      const paid = await run([event('2026-01-02', 'compensation-paid'), ...SIGN_ALL(CONCLUSION)], {
        interpretations: PRECONDITION,
      });
      expect(paid.final.guarantee).toBe('in-force');
      expect(paid.milestones.entryIntoForce).toBe(CONCLUSION);
      const unpaid = await run(SIGN_ALL(CONCLUSION), { interpretations: PRECONDITION });
      expect(unpaid.final).toMatchObject({ guarantee: 'pending', guaranteePhase: 'awaiting-compensation' });
    },
  );
});

describe('the guarantee enters into force', () => {
  it(
    'under entry-into-force = on-signature (the default) the guarantee enters into force at conclusion, ' +
      'before any withdrawal',
    async () => {
      const t = await run(SIGN_ALL(CONCLUSION));
      expect(t.interpretations['entry-into-force']).toBe('on-signature');
      expect(t.final).toMatchObject({
        agreement: 'concluded',
        guarantee: 'in-force',
        guaranteePhase: null,
        ceasefire: 'not-in-effect',
      });
      expect(t.milestones.entryIntoForce).toBe(CONCLUSION);
      const four = await run(FOUR);
      expect(four.final).toMatchObject({ guarantee: 'pending', guaranteePhase: 'awaiting-signatures' });
    },
  );

  it(
    'under on-ceasefire the guarantee enters into force at implementation, ' +
      'pending after conclusion until both sides have withdrawn',
    async () => {
      const t = await run(IN_FORCE, { interpretations: ON_CEASEFIRE });
      expect(statusOn(t, CONCLUSION)).toMatchObject({
        agreement: 'concluded',
        guarantee: 'pending',
        guaranteePhase: 'awaiting-ceasefire',
      });
      expect(statusOn(t, IMPLEMENTATION)).toMatchObject({ guarantee: 'in-force', guaranteePhase: null });
      expect(t.milestones.entryIntoForce).toBe(IMPLEMENTATION);
      const oneSide = await run([...SIGN_ALL(CONCLUSION), withdraw(IMPLEMENTATION, 'RU')], {
        interpretations: ON_CEASEFIRE,
      });
      expect(oneSide.final.guarantee).toBe('pending');
    },
  );

  it(
    'under compensation = precondition the guarantee alone waits for compensation-paid: ' +
      'implementation, benefits and obligations do not',
    async () => {
      const t = await run(
        [
          ...IN_FORCE,
          event('2026-04-10', 'force-level-reported', { party: 'UA', personnel: 700000 }),
          event('2026-05-01', 'compensation-paid'),
        ],
        { interpretations: PRECONDITION },
      );
      expect(statusOn(t, IMPLEMENTATION)).toMatchObject({
        agreement: 'implementing',
        ceasefire: 'in-effect',
        russiaBenefits: 'granted',
        guarantee: 'pending',
        guaranteePhase: 'awaiting-compensation',
      });
      expect(statusOn(t, '2026-04-10').breaches).toEqual([
        { kind: 'force-cap', party: 'UA', at: '2026-04-10', clause: 'force-cap' },
      ]);
      expect(statusOn(t, '2026-05-01').guarantee).toBe('in-force');
      expect(t.milestones.entryIntoForce).toBe('2026-05-01');
      const recorded = await run([...IN_FORCE, event('2026-05-01', 'compensation-paid')]);
      expect(recorded.milestones.entryIntoForce).toBe(CONCLUSION);
    },
  );

  it(
    'while the guarantee is pending, its phase is the first unmet of ' +
      'awaiting-signatures, awaiting-ceasefire, awaiting-compensation',
    async () => {
      const interpretations = { ...ON_CEASEFIRE, ...PRECONDITION };
      const allElseFirst = await run(
        [event('2026-01-01', 'compensation-paid'), ...WITHDRAW_BOTH('2026-01-02'), ...FOUR],
        { interpretations },
      );
      expect(allElseFirst.final).toMatchObject({ guarantee: 'pending', guaranteePhase: 'awaiting-signatures' });
      const inTurn = await run(
        [...SIGN_ALL(CONCLUSION), ...WITHDRAW_BOTH(IMPLEMENTATION), event('2026-05-01', 'compensation-paid')],
        { interpretations },
      );
      expect([CONCLUSION, IMPLEMENTATION, '2026-05-01'].map((d) => statusOn(inTurn, d).guaranteePhase)).toEqual([
        'awaiting-ceasefire',
        'awaiting-compensation',
        null,
      ]);
      expect(inTurn.final.guarantee).toBe('in-force');
      const paidFirst = await run([event('2026-01-01', 'compensation-paid'), ...SIGN_ALL(CONCLUSION)], {
        interpretations,
      });
      expect(paidFirst.final.guaranteePhase).toBe('awaiting-ceasefire');
    },
  );

  it(
    'awaiting-ceasefire is a phase only under on-ceasefire: ' +
      'under on-signature an unpaid concluded guarantee awaits compensation, withdrawals or not',
    async () => {
      const t = await run(SIGN_ALL(CONCLUSION), { interpretations: PRECONDITION });
      expect(t.final).toMatchObject({
        ceasefire: 'not-in-effect',
        guarantee: 'pending',
        guaranteePhase: 'awaiting-compensation',
      });
    },
  );
});

describe('the ceasefire (28)', () => {
  it(
    'the ceasefire is in effect from implementation, not from conclusion, ' +
      'even when the guarantee is already in force',
    async () => {
      const t = await run(IN_FORCE);
      expect(statusOn(t, CONCLUSION)).toMatchObject({ guarantee: 'in-force', ceasefire: 'not-in-effect' });
      expect(statusOn(t, IMPLEMENTATION).ceasefire).toBe('in-effect');
    },
  );

  it(
    'any armed attack between UA and RU while it is in effect, either direction, any scale or territory, ' +
      'violates it with a ceasefire-violation by the attacker',
    async () => {
      const cases = [
        attack('2026-06-01', 'UA', 'RU', { scale: 'incident' }),
        attack('2026-06-01', 'RU', 'UA', { scale: 'incident', territory: 'crimea-donbas' }),
        attack('2026-06-01', 'UA', 'RU', { scale: 'incident', territory: 'ukraine' }),
        attack('2026-06-01', 'RU', 'UA', { scale: 'incident', territory: 'frozen-line' }),
      ];
      for (const a of cases) {
        const t = await run([...IN_FORCE, a]);
        expect(t.final.ceasefire, JSON.stringify(a)).toBe('violated');
        expect(t.final.breaches, JSON.stringify(a)).toEqual([
          { kind: 'ceasefire-violation', party: a.by, at: '2026-06-01', clause: 'ceasefire' },
        ]);
      }
      const thirdState = await run([...IN_FORCE, attack('2026-06-01', 'RU', 'GE', { scale: 'incident' })]);
      expect(thirdState.final).toMatchObject({ ceasefire: 'in-effect', breaches: [] });
    },
  );

  it('an attack before implementation is no violation: no ceasefire is in effect yet, as the trace says', async () => {
    const early = await run([
      ...SIGN_ALL(CONCLUSION),
      attack('2026-02-01', 'RU', 'UA', { scale: 'incident' }),
      ...WITHDRAW_BOTH(IMPLEMENTATION),
    ]);
    expect(statusOn(early, '2026-02-01').ceasefire).toBe('not-in-effect');
    expect(early.final).toMatchObject({ ceasefire: 'in-effect', breaches: [] });
    expect(reasonFor(step(early, '2026-02-01', 'armed-attack'), 'ceasefire-violation', 'ceasefire')).toMatch(
      /not-in-effect/,
    );
  });

  it('hostilities-ended restores a violated ceasefire, after which a new attack is a new violation', async () => {
    const t = await run([
      ...IN_FORCE,
      attack('2026-06-01', 'RU', 'UA', { scale: 'incident' }),
      event('2026-06-10', 'hostilities-ended'),
      attack('2026-07-01', 'UA', 'RU', { scale: 'incident' }),
    ]);
    expect(statusOn(t, '2026-06-10').ceasefire).toBe('in-effect');
    expect(t.final.ceasefire).toBe('violated');
    expect(breachList(t)).toEqual([
      ['ceasefire-violation', 'RU'],
      ['ceasefire-violation', 'UA'],
    ]);
  });

  it(
    'while the ceasefire is violated, later attacks record no further violation, ' +
      'and the trace says it was already broken and by whom',
    async () => {
      const t = await run([
        ...IN_FORCE,
        attack('2026-06-01', 'RU', 'UA', { scale: 'incident' }),
        attack('2026-06-05', 'UA', 'RU', { scale: 'incident' }),
      ]);
      expect(breachList(t)).toEqual([['ceasefire-violation', 'RU']]);
      const reason = reasonFor(step(t, '2026-06-05', 'armed-attack'), 'ceasefire-violation', 'ceasefire');
      expect(reason).toMatch(/already broken/);
      expect(reason).toMatch(/by RU\b/);
    },
  );
});
