// docs/semantics.md: the parties' obligations (non-aggression and the other breaches) and sanctions relief (13).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/issues/issue.js';
import {
  attack,
  IN_FORCE,
  qualifying,
  ruleSet,
  run,
  scenarioOf,
  SIGN_ALL,
  statusOn,
  WITHDRAW_BOTH,
  type Ev,
} from '../helpers.js';
import { breachList, CONCLUSION, ELECTIONS_DUE, event, failedFacts, IMPLEMENTATION, step } from './support.js';

const AT = '2027-01-01';
/** The breaches one event records after the standard timeline (concluded, in force, implementing, election held). */
async function breachesFrom(
  e: Record<string, unknown>,
  spec: { interpretations?: Record<string, string>; set?: Record<string, string> } = {},
) {
  return breachList(await run([...IN_FORCE, { at: AT, ...e } as Ev], spec)).filter(
    ([kind]) => kind !== 'ceasefire-violation',
  );
}
const hit = (by: string, against: string, extra: Record<string, unknown> = {}) => ({
  type: 'armed-attack',
  by,
  against,
  scale: 'limited',
  ...extra,
});
const BINDING = { interpretations: { 'point-3': 'binding' } };

const EUROPEAN = [
  'EU',
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'GB',
  'NO',
  'CH',
  'IS',
  'LI',
  'MC',
  'SM',
  'AD',
  'VA',
  'AL',
  'BA',
  'ME',
  'MK',
  'RS',
  'MD',
];
const NEIGHBOURS = ['NO', 'FI', 'EE', 'LV', 'LT', 'PL', 'BY', 'UA', 'GE', 'AZ', 'KZ', 'CN', 'MN', 'KP'];

describe('obligations bind from conclusion', () => {
  it('breaches are recorded only from conclusion: before the fifth signature none is, after it each is', async () => {
    const acts = (at: string): Ev[] => [
      event(at, 'force-level-reported', { party: 'UA', personnel: 700000 }),
      event(at, 'troops-stationed', { by: 'NATO', in: 'UA' }),
      event(at, 'nato-accession', { party: 'UA' }),
      event(at, 'nuclear-weapons-acquired', { party: 'UA' }),
      event(at, 'buffer-zone-entry', { by: 'RU' }),
      event(at, 'peace-council-ruling', { party: 'RU', finding: 'breach' }),
      attack(at, 'RU', 'EE', { scale: 'limited' }),
      attack(at, 'UA', 'RU', { scale: 'limited', means: 'air', seizesTerritory: true }),
    ];
    const before = await run([...acts('2026-01-01'), ...SIGN_ALL(CONCLUSION)]);
    expect(before.final.breaches).toEqual([]);
    const after = await run([...SIGN_ALL(CONCLUSION), ...acts('2026-02-01')]);
    expect(new Set(after.final.breaches.map((b) => b.kind))).toEqual(
      new Set([
        'force-cap',
        'nato-troops',
        'nato-accession',
        'nuclear-status',
        'buffer-zone',
        'peace-council',
        'non-aggression',
        'border-change',
      ]),
    );
  });

  it('breaches bind from conclusion even while the guarantee is still pending', async () => {
    const t = await run([...SIGN_ALL(CONCLUSION), event('2026-02-01', 'nuclear-weapons-acquired', { party: 'UA' })], {
      interpretations: { 'entry-into-force': 'on-ceasefire' },
    });
    expect(t.final.guarantee).toBe('pending');
    expect(breachList(t)).toEqual([['nuclear-status', 'UA']]);
  });
});

describe('non-aggression (2, 16; 3)', () => {
  it('RU attacking UA on a place that counts as Ukraine, limited or large-scale, is a breach by RU', async () => {
    expect(await breachesFrom(hit('RU', 'UA'))).toEqual([['non-aggression', 'RU']]);
    expect(await breachesFrom(hit('RU', 'UA', { scale: 'incident' }))).toEqual([]);
    expect(await breachesFrom(hit('RU', 'UA', { territory: 'buffer-zone' }))).toEqual([]);
  });

  it('RU attacking a European party is a breach by RU', async () => {
    expect(await breachesFrom(hit('RU', 'FI'))).toEqual([['non-aggression', 'RU']]);
    expect(await breachesFrom(hit('RU', 'EU', { scale: 'large-scale' }))).toEqual([['non-aggression', 'RU']]);
    expect(await breachesFrom(hit('RU', 'FI', { scale: 'incident' }))).toEqual([]);
  });

  it('UA attacking RU on a place that counts as Russia is a breach by UA', async () => {
    expect(await breachesFrom(hit('UA', 'RU', { means: 'drone' }))).toEqual([['non-aggression', 'UA']]);
    expect(await breachesFrom(hit('UA', 'RU', { means: 'drone', territory: 'ukraine' }))).toEqual([]);
  });

  it('UA attacking a European party is a breach by UA', async () => {
    expect(await breachesFrom(hit('UA', 'HU'))).toEqual([['non-aggression', 'UA']]);
  });

  it("a European party attacking RU or UA on the victim's side is a breach by the attacker", async () => {
    expect(await breachesFrom(hit('PL', 'RU'))).toEqual([['non-aggression', 'PL']]);
    expect(await breachesFrom(hit('DE', 'UA'))).toEqual([['non-aggression', 'DE']]);
    expect(await breachesFrom(hit('PL', 'RU', { territory: 'ukraine' }))).toEqual([]);
    expect(await breachesFrom(hit('DE', 'UA', { territory: 'crimea-donbas' }))).toEqual([]);
  });

  it('the European parties are the EU and the listed states, not NATO and not the US', async () => {
    for (const state of EUROPEAN)
      expect(await breachesFrom(hit('RU', state)), state).toEqual([['non-aggression', 'RU']]);
    for (const other of ['NATO', 'US', 'TR', 'CA', 'BY', 'JP'])
      expect(await breachesFrom(hit('RU', other)), other).toEqual([]);
    for (const other of ['NATO', 'US', 'TR']) expect(await breachesFrom(hit(other, 'RU')), other).toEqual([]);
  });

  it('under point-3 = binding RU invading a land neighbour such as GE is a non-aggression breach by RU', async () => {
    expect(await breachesFrom(hit('RU', 'GE', { means: 'ground' }), BINDING)).toEqual([['non-aggression', 'RU']]);
    expect(await breachesFrom(hit('RU', 'GE', { means: 'air' }), BINDING)).toEqual([]);
    expect(
      await breachesFrom(hit('RU', 'GE', { means: 'air' }), {
        interpretations: { 'point-3': 'binding', 'invasion-test': 'any-attack' },
      }),
    ).toEqual([['non-aggression', 'RU']]);
  });

  it('under point-3 = expectation (the default) it is not, and the trace says why', async () => {
    const t = await run([...IN_FORCE, attack(AT, 'RU', 'GE', { scale: 'large-scale', means: 'ground' })]);
    expect(t.interpretations['point-3']).toBe('expectation');
    expect(t.final.breaches).toEqual([]);
    expect(failedFacts(step(t, AT, 'armed-attack'), 'russia-invades-a-neighbour')).toEqual(['point-3']);
  });

  it("Russia's land neighbours are NO FI EE LV LT PL BY UA GE AZ KZ CN MN KP", async () => {
    for (const state of NEIGHBOURS)
      expect(await breachesFrom(hit('RU', state, { means: 'ground' }), BINDING), state).toEqual([
        ['non-aggression', 'RU'],
      ]);
    for (const other of ['AM', 'JP', 'TR', 'IR'])
      expect(await breachesFrom(hit('RU', other, { means: 'ground' }), BINDING), other).toEqual([]);
  });

  it('both lists are data in the rule set', () => {
    expect(ruleSet.gazetteer.europeanParties.members).toEqual(EUROPEAN);
    expect(ruleSet.gazetteer.russiaLandNeighbours.members).toEqual(NEIGHBOURS);
  });
});

describe('other breaches, after conclusion', () => {
  it('force-level-reported by UA strictly above force-cap is a force-cap breach by UA', async () => {
    expect(await breachesFrom({ type: 'force-level-reported', party: 'UA', personnel: 600001 })).toEqual([
      ['force-cap', 'UA'],
    ]);
    expect(await breachesFrom({ type: 'force-level-reported', party: 'UA', personnel: 600000 })).toEqual([]);
    expect(
      await breachesFrom(
        { type: 'force-level-reported', party: 'UA', personnel: 700000 },
        { set: { 'force-cap': '700000' } },
      ),
    ).toEqual([]);
    expect(await breachesFrom({ type: 'force-level-reported', party: 'RU', personnel: 1500000 })).toEqual([]);
  });

  it(
    'no election-held by UA by conclusion + election-deadline-days ' +
      'is an election-deadline breach by UA on that date, labelled an assumption',
    async () => {
      const t = await run(SIGN_ALL(CONCLUSION), { until: '2026-12-31' });
      expect(t.final.breaches).toEqual([
        { kind: 'election-deadline', party: 'UA', at: ELECTIONS_DUE, clause: 'elections' },
      ]);
      expect(step(t, ELECTIONS_DUE, 'election-deadline').deadline!.basis).toMatch(
        /after conclusion \(2026-01-10.*assumption/,
      );
      const shorter = await run(SIGN_ALL(CONCLUSION), {
        until: '2026-12-31',
        parameters: { 'election-deadline-days': 30 },
      });
      expect(shorter.final.breaches.map((b) => b.at)).toEqual(['2026-02-09']);
      const russian = await run([...SIGN_ALL(CONCLUSION), event('2026-02-01', 'election-held', { party: 'RU' })], {
        until: '2026-12-31',
      });
      expect(breachList(russian)).toEqual([['election-deadline', 'UA']]);
    },
  );

  it('an election on the deadline day is in time; one the day after is not', async () => {
    const onTime = await run([...SIGN_ALL(CONCLUSION), event(ELECTIONS_DUE, 'election-held', { party: 'UA' })], {
      until: '2026-12-31',
    });
    expect(onTime.final.breaches).toEqual([]);
    const late = await run([...SIGN_ALL(CONCLUSION), event('2026-04-21', 'election-held', { party: 'UA' })], {
      until: '2026-12-31',
    });
    expect(late.final.breaches).toEqual([
      { kind: 'election-deadline', party: 'UA', at: ELECTIONS_DUE, clause: 'elections' },
    ]);
  });

  it('an election held before conclusion counts', async () => {
    const t = await run([event('2025-12-01', 'election-held', { party: 'UA' }), ...SIGN_ALL(CONCLUSION)], {
      until: '2026-12-31',
    });
    expect(t.final.breaches).toEqual([]);
    expect(t.steps.some((s) => s.deadline?.type === 'election-deadline')).toBe(true);
  });

  it(
    'troops-stationed in UA by NATO is a breach by NATO; under nato-command (the default) ' +
      "a member state's troops are not",
    async () => {
      expect(await breachesFrom({ type: 'troops-stationed', by: 'NATO', in: 'UA' })).toEqual([['nato-troops', 'NATO']]);
      expect(await breachesFrom({ type: 'troops-stationed', by: 'PL', in: 'UA' })).toEqual([]);
      expect(await breachesFrom({ type: 'troops-stationed', by: 'NATO', in: 'LT' })).toEqual([]);
    },
  );

  it("under nato-troops = any-member, a NATO member state's troops in UA are a breach by NATO too", async () => {
    const anyMember = { interpretations: { 'nato-troops': 'any-member' } };
    for (const member of ['PL', 'US', 'TR', 'SE'])
      expect(await breachesFrom({ type: 'troops-stationed', by: member, in: 'UA' }, anyMember), member).toEqual([
        ['nato-troops', 'NATO'],
      ]);
    for (const other of ['IE', 'AT', 'IN'])
      expect(await breachesFrom({ type: 'troops-stationed', by: other, in: 'UA' }, anyMember), other).toEqual([]);
    expect(await breachesFrom({ type: 'troops-stationed', by: 'PL', in: 'MD' }, anyMember)).toEqual([]);
  });

  it('nato-accession of UA is a breach by NATO and one by UA (7)', async () => {
    expect((await breachesFrom({ type: 'nato-accession', party: 'UA' })).sort()).toEqual([
      ['nato-accession', 'NATO'],
      ['nato-accession', 'UA'],
    ]);
  });

  it(
    'nato-accession of another state is a breach by NATO under point-3 = binding; under expectation none, ' +
      'and the trace says why',
    async () => {
      expect(await breachesFrom({ type: 'nato-accession', party: 'MD' }, BINDING)).toEqual([
        ['nato-accession', 'NATO'],
      ]);
      const t = await run([...IN_FORCE, event(AT, 'nato-accession', { party: 'MD' })]);
      expect(t.final.breaches).toEqual([]);
      expect(failedFacts(step(t, AT, 'nato-accession'), 'nato-enlarges')).toEqual(['point-3']);
    },
  );

  it('the accession of a state already a member is an input error', () => {
    for (const member of ['PL', 'SE', 'NATO'])
      expect(() => scenarioOf([...IN_FORCE, event(AT, 'nato-accession', { party: member })]), member).toThrow(
        InputError,
      );
    expect(() => scenarioOf([...IN_FORCE, event(AT, 'nato-accession', { party: 'FI' })])).toThrow(
      /FI is already a NATO member/,
    );
    expect(() => scenarioOf([...IN_FORCE, event(AT, 'nato-accession', { party: 'GE' })])).not.toThrow();
  });

  it('nuclear-weapons-acquired by UA is a nuclear-status breach by UA; by another state none', async () => {
    expect(await breachesFrom({ type: 'nuclear-weapons-acquired', party: 'UA' })).toEqual([['nuclear-status', 'UA']]);
    expect(await breachesFrom({ type: 'nuclear-weapons-acquired', party: 'PL' })).toEqual([]);
  });

  it(
    "buffer-zone-entry by RU or UA is a buffer-zone breach by that side, Ukraine's labelled an assumption; " +
      'by anyone else none',
    async () => {
      expect(await breachesFrom({ type: 'buffer-zone-entry', by: 'RU' })).toEqual([['buffer-zone', 'RU']]);
      expect(await breachesFrom({ type: 'buffer-zone-entry', by: 'UA' })).toEqual([['buffer-zone', 'UA']]);
      expect(await breachesFrom({ type: 'buffer-zone-entry', by: 'PL' })).toEqual([]);
      const t = await run([...IN_FORCE, event(AT, 'buffer-zone-entry', { by: 'UA' })]);
      expect(t.clauses.find((c) => c.id === 'buffer-zone')!.paraphrase).toMatch(
        /names only Russian forces.*\(an assumption\)/,
      );
    },
  );

  it(
    'peace-council-ruling with finding breach is a peace-council breach by the party ruled against; ' +
      'no-breach records nothing',
    async () => {
      expect(await breachesFrom({ type: 'peace-council-ruling', party: 'UA', finding: 'breach' })).toEqual([
        ['peace-council', 'UA'],
      ]);
      expect(await breachesFrom({ type: 'peace-council-ruling', party: 'RU', finding: 'no-breach' })).toEqual([]);
    },
  );
});

describe('sanctions on Russia (13)', () => {
  const relief = (at: string): Ev => event(at, 'sanctions-relief-step');

  it('relief steps count only from implementation: one before it is ignored and not counted', async () => {
    const t = await run([
      ...SIGN_ALL(CONCLUSION),
      relief('2026-02-01'),
      ...WITHDRAW_BOTH(IMPLEMENTATION),
      relief('2026-06-01'),
      relief('2026-07-01'),
      relief('2026-08-01'),
    ]);
    expect(statusOn(t, '2026-02-01').sanctions).toBe('in-place');
    expect(step(t, '2026-02-01', 'sanctions-relief-step').milestones.reliefStepsApplied).toBe(0);
    expect(['2026-06-01', '2026-07-01', '2026-08-01'].map((d) => statusOn(t, d).sanctions)).toEqual([
      'easing',
      'easing',
      'lifted',
    ]);
    const single = await run([...SIGN_ALL(CONCLUSION), relief('2026-02-01')], { parameters: { 'relief-steps': 1 } });
    expect(single.final.sanctions).toBe('in-place');
  });

  it(
    'sanctions are in place until implementation; ' +
      'after it each step eases them and the relief-steps-th (at least 1) lifts them',
    async () => {
      const t = await run([...IN_FORCE, relief('2026-06-01'), relief('2026-07-01')], {
        parameters: { 'relief-steps': 2 },
      });
      expect(statusOn(t, IMPLEMENTATION).sanctions).toBe('in-place');
      expect(['2026-06-01', '2026-07-01'].map((d) => statusOn(t, d).sanctions)).toEqual(['easing', 'lifted']);
      const one = await run([...IN_FORCE, relief('2026-06-01')], { parameters: { 'relief-steps': 1 } });
      expect(one.final.sanctions).toBe('lifted');
      expect(() => scenarioOf(IN_FORCE, { parameters: { 'relief-steps': 0 } })).toThrow(InputError);
    },
  );

  it('the snapback sets reinstated, even once lifted, and later relief steps do not undo it', async () => {
    const invasion = attack('2029-01-01', 'RU', 'UA', { scale: 'limited', means: 'ground' });
    const t = await run([
      ...IN_FORCE,
      relief('2026-06-01'),
      relief('2026-07-01'),
      relief('2026-08-01'),
      invasion,
      relief('2029-06-01'),
    ]);
    expect(statusOn(t, '2028-12-31').sanctions).toBe('lifted');
    expect(t.final.sanctions).toBe('reinstated');
    const barrage = await run([...IN_FORCE, relief('2026-06-01'), qualifying('2029-01-01', { means: 'missile' })]);
    expect(barrage.final.sanctions).toBe('easing');
  });
});
