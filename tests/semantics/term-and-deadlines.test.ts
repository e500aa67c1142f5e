// docs/semantics.md: the term and its extension, deadlines injected as steps, and why an event changed nothing.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/issues/issue.js';
import { attack, IN_FORCE, qualifying, run, scenarioOf, SIGN_ALL, statusOn, WITHDRAW_BOTH } from '../helpers.js';
import {
  CONCLUSION,
  ELECTIONS_DUE,
  event,
  failedFacts,
  firedRule,
  FIVE,
  IMPLEMENTATION,
  incursion,
  reasonFor,
  step,
  strike,
} from './support.js';

const TERM_END = '2036-01-10';
const extension = (at: string, parties = FIVE) => event(at, 'extension-agreed', { parties });
const termEnds = (t: Awaited<ReturnType<typeof run>>) =>
  t.steps.filter((s) => s.deadline?.type === 'term-end').map((s) => s.at);

describe('the term', () => {
  it('the term counts from entry into force, not from conclusion or implementation', async () => {
    expect((await run(IN_FORCE)).milestones.termEnds).toBe(TERM_END);
    expect((await run(IN_FORCE, { interpretations: { 'entry-into-force': 'on-ceasefire' } })).milestones.termEnds).toBe(
      '2036-03-01',
    );
    const paidLater = await run([...IN_FORCE, event('2026-05-01', 'compensation-paid')], {
      interpretations: { compensation: 'precondition' },
    });
    expect(paidLater.milestones.termEnds).toBe('2036-05-01');
  });

  it('the term ends term-years after entry into force, same month and day: an in-force guarantee expires', async () => {
    const t = await run(IN_FORCE, { until: '2036-12-31' });
    expect(statusOn(t, '2036-01-09').guarantee).toBe('in-force');
    expect(statusOn(t, TERM_END).guarantee).toBe('expired');
    expect(termEnds(t)).toEqual([TERM_END]);
    const five = await run(IN_FORCE, { until: '2036-12-31', parameters: { 'term-years': 5 } });
    expect(termEnds(five)).toEqual(['2031-01-10']);
    expect(five.final.guarantee).toBe('expired');
  });

  it('a term that began on 29 February ends on 28 February', async () => {
    const t = await run(SIGN_ALL('2028-02-29'), { until: '2038-12-31' });
    expect(termEnds(t)).toEqual(['2038-02-28']);
    expect(statusOn(t, '2038-02-27').guarantee).toBe('in-force');
    expect(statusOn(t, '2038-02-28').guarantee).toBe('expired');
  });

  it('at the end of the term an invoked guarantee is expired too (a terminal one keeps its status)', async () => {
    const t = await run([...IN_FORCE, qualifying('2035-06-01')], { until: '2036-12-31' });
    expect(statusOn(t, '2036-01-09').guarantee).toBe('invoked');
    expect(t.final).toMatchObject({ guarantee: 'expired', guaranteePhase: null });
    const revoked = await run([...IN_FORCE, incursion('2035-06-01')], { until: '2036-12-31' });
    expect(revoked.final.guarantee).toBe('revoked');
    expect(termEnds(revoked)).toEqual([]);
  });

  it('an extension-agreed by all five by the end while in force moves the end by extension-years', async () => {
    const onTheDay = await run([...IN_FORCE, extension(TERM_END)], { until: '2046-12-31' });
    expect(statusOn(onTheDay, TERM_END).guarantee).toBe('in-force');
    expect(termEnds(onTheDay)).toEqual(['2046-01-10']);
    expect(onTheDay.final.guarantee).toBe('expired');
    const shorter = await run([...IN_FORCE, extension('2030-01-01', [...FIVE, 'PL'])], {
      until: '2046-12-31',
      parameters: { 'extension-years': 3 },
    });
    expect(termEnds(shorter)).toEqual(['2039-01-10']);
    const dayAfter = await run([...IN_FORCE, extension('2036-01-11')], { until: '2046-12-31' });
    expect(dayAfter.final.guarantee).toBe('expired');
    expect(termEnds(dayAfter)).toEqual([TERM_END]);
  });

  it('an extension while the guarantee is invoked counts too', async () => {
    const t = await run([...IN_FORCE, qualifying('2035-06-01'), extension('2035-07-01')], { until: '2036-12-31' });
    expect(t.final.guarantee).toBe('invoked');
    expect(t.milestones.termEnds).toBe('2046-01-10');
  });

  it(
    'any other extension is recorded with the reason it had no effect: parties missing, before entry into force, ' +
      'after the end, terminal',
    async () => {
      const missing = await run([...IN_FORCE, extension('2035-06-01', ['UA', 'US', 'EU', 'NATO'])], {
        until: '2036-12-31',
      });
      expect(missing.final.guarantee).toBe('expired');
      expect(failedFacts(step(missing, '2035-06-01', 'extension-agreed'), 'term-extended')).toEqual(['parties']);

      const early = await run([...SIGN_ALL(CONCLUSION), extension('2026-02-01'), ...WITHDRAW_BOTH(IMPLEMENTATION)], {
        interpretations: { 'entry-into-force': 'on-ceasefire' },
        until: '2036-12-31',
      });
      expect(early.final.guarantee).toBe('expired');
      expect(reasonFor(step(early, '2026-02-01', 'extension-agreed'), 'term-extended', 'guarantee')).toMatch(/pending/);

      const late = await run([...IN_FORCE, extension('2036-06-01')], { until: '2046-12-31' });
      expect(late.final.guarantee).toBe('expired');
      expect(reasonFor(step(late, '2036-06-01', 'extension-agreed'), 'term-extended', 'guarantee')).toMatch(/expired/);

      const revoked = await run([...IN_FORCE, incursion('2030-01-01'), extension('2030-06-01')]);
      expect(reasonFor(step(revoked, '2030-06-01', 'extension-agreed'), 'term-extended', 'guarantee')).toMatch(
        /revoked.*terminal/,
      );
    },
  );
});

describe('deadlines (term end, election deadline)', () => {
  it('deadlines are processed after all events of their date', async () => {
    const t = await run(
      [
        ...SIGN_ALL(CONCLUSION),
        event(ELECTIONS_DUE, 'force-level-reported', { party: 'UA', personnel: 1 }),
        event(ELECTIONS_DUE, 'election-held', { party: 'UA' }),
      ],
      { until: '2026-12-31' },
    );
    expect(t.steps.filter((s) => s.at === ELECTIONS_DUE).map((s) => s.event?.type ?? s.deadline?.type)).toEqual([
      'force-level-reported',
      'election-held',
      'election-deadline',
    ]);
    expect(t.final.breaches).toEqual([]);
    const term = await run(
      [...IN_FORCE, extension(TERM_END), event(TERM_END, 'consultations-held', { with: ['UA'] })],
      { until: '2036-12-31' },
    );
    expect(term.steps.filter((s) => s.at === TERM_END).map((s) => s.event?.type ?? s.deadline?.type)).toEqual([
      'extension-agreed',
      'consultations-held',
    ]);
  });

  it('deadlines come before the events of a later date', async () => {
    const t = await run([...SIGN_ALL(CONCLUSION), event('2026-04-21', 'election-held', { party: 'UA' })]);
    expect(t.steps.slice(-2).map((s) => s.deadline?.type ?? s.event?.type)).toEqual([
      'election-deadline',
      'election-held',
    ]);
    expect(t.final.breaches).toEqual([
      { kind: 'election-deadline', party: 'UA', at: ELECTIONS_DUE, clause: 'elections' },
    ]);
  });

  it('deadlines are processed only up to the last event when there is no until', async () => {
    const upTo = await run([...SIGN_ALL(CONCLUSION), event(ELECTIONS_DUE, 'consultations-held', { with: ['UA'] })]);
    expect(upTo.steps.map((s) => s.deadline?.type).filter(Boolean)).toEqual(['election-deadline']);
    const short = await run([...SIGN_ALL(CONCLUSION), event('2026-04-19', 'consultations-held', { with: ['UA'] })]);
    expect(short.steps.every((s) => s.kind === 'event')).toBe(true);
    expect(short.final.breaches).toEqual([]);
  });

  it('deadlines are processed only up to until when it is given', async () => {
    expect((await run(SIGN_ALL(CONCLUSION), { until: ELECTIONS_DUE })).final.breaches.map((b) => b.kind)).toEqual([
      'election-deadline',
    ]);
    expect((await run(SIGN_ALL(CONCLUSION), { until: '2026-04-19' })).final.breaches).toEqual([]);
    expect(termEnds(await run(IN_FORCE, { until: '2036-01-09' }))).toEqual([]);
  });

  it('until before the last event is an input error', () => {
    expect(() => scenarioOf(IN_FORCE, { until: '2026-03-31' })).toThrow(InputError);
    expect(() => scenarioOf(IN_FORCE, { until: '2026-03-31' })).toThrow(
      /until \(2026-03-31\) is before the last event \(2026-04-01\)/,
    );
    expect(() => scenarioOf(IN_FORCE, { until: '2026-04-01' })).not.toThrow();
  });
});

describe('an event that changes nothing says why in the trace', () => {
  it('an event that changes nothing says why: not yet concluded, not in force, terminal, already broken', async () => {
    const notConcluded = await run([event('2026-01-01', 'nuclear-weapons-acquired', { party: 'UA' })]);
    const s1 = step(notConcluded, '2026-01-01', 'nuclear-weapons-acquired');
    expect(s1.changed).toEqual([]);
    expect(reasonFor(s1, 'nuclear-weapons-acquired', 'breaches')).toMatch(/only once the agreement is concluded/);

    const notInForce = await run([...SIGN_ALL(CONCLUSION), qualifying('2026-02-01', { means: 'missile' })], {
      interpretations: { 'entry-into-force': 'on-ceasefire' },
    });
    const s2 = step(notInForce, '2026-02-01', 'armed-attack');
    expect(firedRule(s2, 'qualifying-russian-attack').changed).toEqual([]);
    expect(reasonFor(s2, 'qualifying-russian-attack', 'guarantee')).toMatch(/not yet in force/);

    const terminal = await run([
      ...IN_FORCE,
      strike('2028-01-01', { justified: false }),
      incursion('2028-02-01', { scale: 'incident' }),
      strike('2028-03-01', { justified: false, scale: 'incident' }),
    ]);
    const s3 = step(terminal, '2028-03-01', 'armed-attack');
    expect(s3.status.guarantee).toBe('lapsed');
    expect(s3.changed).toEqual([]);
    expect(reasonFor(s3, 'strike-without-cause', 'guarantee')).toMatch(/lapsed.*terminal/);

    const broken = await run([
      ...IN_FORCE,
      attack('2028-01-01', 'UA', 'RU', { scale: 'incident' }),
      attack('2028-01-02', 'RU', 'UA', { scale: 'incident' }),
    ]);
    const s4 = step(broken, '2028-01-02', 'armed-attack');
    expect(s4.changed).toEqual([]);
    expect(reasonFor(s4, 'ceasefire-violation', 'ceasefire')).toMatch(/already broken.*UA/);
  });
});
