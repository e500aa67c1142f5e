// DESIGN "Semantics": the term, its extension, and deadlines injected as steps.
import { describe, expect, it } from 'vitest';
import { ENTRY, IN_FORCE, qualifying, run, SIGN_ALL, statusOn, stepOf, WITHDRAW_BOTH } from '../helpers.js';

const ALL_FIVE = ['UA', 'RU', 'US', 'EU', 'NATO'];

describe('the term', () => {
  it('ends term-years after entry into force, same month and day: expired', async () => {
    const t = await run(IN_FORCE, { until: '2040-01-01' });
    expect(statusOn(t, '2036-02-29').guarantee).toBe('in-force');
    expect(stepOf(t, '2036-03-01', 'term-end').kind).toBe('deadline');
    expect(statusOn(t, '2036-03-01').guarantee).toBe('expired');
  });

  it('expires an invoked guarantee too', async () => {
    const t = await run([...IN_FORCE, qualifying('2035-12-01')], { until: '2036-12-31' });
    expect(t.final.guarantee).toBe('expired');
  });

  it('falls back to 28 February when entry was on 29 February', async () => {
    const t = await run([...SIGN_ALL('2028-01-10'), ...WITHDRAW_BOTH('2028-02-29')], { until: '2038-12-31' });
    expect(t.steps.find((s) => s.deadline?.type === 'term-end')!.at).toBe('2038-02-28');
  });

  it('follows the term-years parameter', async () => {
    const t = await run(IN_FORCE, { until: '2032-01-01', parameters: { 'term-years': 5 } });
    expect(statusOn(t, '2031-03-01').guarantee).toBe('expired');
  });

  it('is moved by extension-years when all five signatories agree before the end', async () => {
    const t = await run([...IN_FORCE, { at: '2035-06-01', type: 'extension-agreed', parties: ALL_FIVE }], { until: '2047-01-01' });
    expect(statusOn(t, '2036-03-02').guarantee).toBe('in-force');
    expect(statusOn(t, '2046-03-01').guarantee).toBe('expired');
  });

  it('counts an extension agreed on the very day the term ends (deadlines come after the day\'s events)', async () => {
    const t = await run([...IN_FORCE, { at: '2036-03-01', type: 'extension-agreed', parties: ALL_FIVE }], { until: '2037-01-01' });
    expect(t.final.guarantee).toBe('in-force');
  });

  it('is not extended without Russia, and the trace says which signatory was missing', async () => {
    const t = await run([...IN_FORCE, { at: '2035-06-01', type: 'extension-agreed', parties: ['UA', 'US', 'EU', 'NATO'] }], { until: '2037-01-01' });
    expect(t.final.guarantee).toBe('expired');
    const step = stepOf(t, '2035-06-01');
    expect(step.fired).toEqual([]);
    const miss = step.notFired.find((n) => n.rule === 'term-extended')!;
    expect(JSON.stringify(miss.conditions)).toContain('"operator":"containsAll"');
    expect(JSON.stringify(miss.conditions)).toContain('"result":false');
  });

  it('is not extended after it has ended or before entry into force', async () => {
    const late = await run([...IN_FORCE, { at: '2036-06-01', type: 'extension-agreed', parties: ALL_FIVE }], { until: '2040-01-01' });
    expect(late.final.guarantee).toBe('expired');
    expect(stepOf(late, '2036-06-01').fired[0]!.unaffected[0]!.reason).toMatch(/guarantee is expired/);
    const early = await run([...SIGN_ALL('2026-01-10'), { at: '2026-02-01', type: 'extension-agreed', parties: ALL_FIVE }, ...WITHDRAW_BOTH('2026-03-01')], { until: '2037-01-01' });
    expect(early.final.guarantee).toBe('expired');
    expect(stepOf(early, '2026-02-01').fired[0]!.unaffected[0]!.reason).toMatch(/pending/);
  });
});

describe('deadlines', () => {
  it('are processed only up to the last event when there is no until', async () => {
    const t = await run(IN_FORCE);
    expect(t.steps.every((s) => s.kind === 'event')).toBe(true);
    expect(t.final.guarantee).toBe('in-force');
  });

  it('are processed after all scenario events of their date', async () => {
    const deadline = '2026-06-09';
    const t = await run([...SIGN_ALL('2026-01-10'), ...WITHDRAW_BOTH(ENTRY), { at: deadline, type: 'election-held', party: 'UA' }]);
    expect(t.steps[t.steps.length - 1]!.deadline?.type).toBe('election-deadline');
    expect(t.final.breaches).toEqual([]);
  });

  it('come before the events of a later date', async () => {
    const t = await run([...SIGN_ALL('2026-01-10'), ...WITHDRAW_BOTH(ENTRY), { at: '2026-07-01', type: 'election-held', party: 'UA' }]);
    const kinds = t.steps.slice(-2).map((s) => s.deadline?.type ?? s.event?.type);
    expect(kinds).toEqual(['election-deadline', 'election-held']);
    expect(t.final.breaches).toEqual([{ kind: 'election-deadline', party: 'UA', at: '2026-06-09', clause: 'elections' }]);
  });

  it('are not injected for a term that a terminal status has closed', async () => {
    const t = await run([...IN_FORCE, { at: '2027-01-01', type: 'armed-attack', by: 'UA', against: 'RU', scale: 'limited', means: 'ground' }], { until: '2040-01-01' });
    expect(t.steps.some((s) => s.deadline?.type === 'term-end')).toBe(false);
    expect(t.final.guarantee).toBe('revoked');
  });
});
