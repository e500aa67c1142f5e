// docs/semantics.md: attacks and where they land, and what invokes, revokes, lapses and voids the guarantee.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/issues/issue.js';
import { JudgementNeeded } from '../../src/run/stepper.js';
import { runBranches } from '../../src/whatif/branches.js';
import {
  attack,
  bundledCheck,
  firedRules,
  IN_FORCE,
  qualifying,
  ruleSet,
  run,
  scenarioOf,
  SIGN_ALL,
  statusOn,
  type Ev,
} from '../helpers.js';
import {
  breachList,
  CONCLUSION,
  event,
  failedFacts,
  firedRule,
  IMPLEMENTATION,
  incursion,
  reasonFor,
  sign,
  step,
  strike,
} from './support.js';

const ON_CEASEFIRE = { 'entry-into-force': 'on-ceasefire' };
const FOUR = ['UA', 'RU', 'US', 'EU'].map((p) => sign(CONCLUSION, p));
/** Concluded, guarantee pending (on-ceasefire, no withdrawals). */
const PROMISED = { events: SIGN_ALL(CONCLUSION), interpretations: ON_CEASEFIRE };
const PLACES = ['russia', 'crimea-donbas', 'buffer-zone', 'frozen-line', 'ukraine'] as const;

/**
 * The places on which a limited Ukrainian ground attack revokes the guarantee, i.e. the places that count as Russia.
 */
async function countAsRussia(reading?: string): Promise<string[]> {
  const out: string[] = [];
  for (const territory of PLACES) {
    const t = await run(
      [...IN_FORCE, incursion('2028-01-01', { territory })],
      reading ? { interpretations: { 'russian-territory': reading } } : {},
    );
    if (t.final.guarantee === 'revoked') out.push(territory);
  }
  return out;
}

const guaranteeAfter = async (events: Ev[], interpretations: Record<string, string> = {}) =>
  (await run(events, { interpretations })).final.guarantee;

describe('attacks: where they land', () => {
  it('an attack against RU with no territory lands in russia (Russia within its recognised borders)', async () => {
    const recognised = { 'russian-territory': 'recognised-borders' };
    expect(await guaranteeAfter([...IN_FORCE, incursion('2028-01-01')], recognised)).toBe('revoked');
    expect(
      await guaranteeAfter([...IN_FORCE, incursion('2028-01-01', { territory: 'crimea-donbas' })], recognised),
    ).toBe('in-force');
  });

  it('an attack against anyone else with no territory lands in ukraine', async () => {
    for (const reading of ['plan', 'without-frozen-line', 'recognised-borders']) {
      expect(
        await guaranteeAfter([...IN_FORCE, qualifying('2028-01-01')], { 'russian-territory': reading }),
        reading,
      ).toBe('invoked');
    }
    expect(await guaranteeAfter([...IN_FORCE, qualifying('2028-01-01', { territory: 'crimea-donbas' })])).toBe(
      'in-force',
    );
    const european = await run([...IN_FORCE, attack('2028-01-01', 'PL', 'UA', { scale: 'limited' })]);
    expect(breachList(european)).toEqual([['non-aggression', 'PL']]);
  });

  it('a target of Moscow or St Petersburg means territory russia, whoever is attacked', async () => {
    const t = await run([...IN_FORCE, qualifying('2028-01-01', { target: 'St Petersburg' })]);
    expect(t.final.guarantee).toBe('in-force');
    const leaf = failedFacts(step(t, '2028-01-01', 'armed-attack'), 'qualifying-russian-attack');
    expect(leaf).toEqual(['territory']);
    expect(await guaranteeAfter([...IN_FORCE, qualifying('2028-01-01', { target: 'Kharkiv' })])).toBe('invoked');
  });

  it('giving a Moscow or St Petersburg target another territory is an input error', () => {
    expect(() => scenarioOf([...IN_FORCE, strike('2028-01-01', { territory: 'crimea-donbas' })])).toThrow(InputError);
    expect(() =>
      scenarioOf([...IN_FORCE, strike('2028-01-01', { target: 'St. Petersburg', territory: 'ukraine' })]),
    ).toThrow(/lies in territory russia, not ukraine/);
    expect(() => scenarioOf([...IN_FORCE, strike('2028-01-01', { territory: 'russia' })])).not.toThrow();
  });
});

describe('russian-territory: whether a place counts as Russia', () => {
  it(
    'under plan (the default) russia, crimea-donbas, buffer-zone and frozen-line count as Russia, ' +
      'and ukraine does not',
    async () => {
      expect(await countAsRussia()).toEqual(['russia', 'crimea-donbas', 'buffer-zone', 'frozen-line']);
    },
  );

  it(
    'under without-frozen-line russia, crimea-donbas and buffer-zone count as Russia, ' +
      'and the frozen line does not',
    async () => {
      expect(await countAsRussia('without-frozen-line')).toEqual(['russia', 'crimea-donbas', 'buffer-zone']);
    },
  );

  it('under recognised-borders only russia counts as Russia', async () => {
    expect(await countAsRussia('recognised-borders')).toEqual(['russia']);
  });

  it(
    'a place that does not count as Russia counts as Ukraine, ' +
      'which governs 10c, the trigger, point 22 and non-aggression',
    async () => {
      const offensive = qualifying('2028-01-01', { means: 'ground', seizesTerritory: true, territory: 'frozen-line' });
      const plan = await run([...IN_FORCE, offensive]);
      expect(plan.final).toMatchObject({ guarantee: 'in-force', sanctions: 'in-place', russiaBenefits: 'granted' });
      expect(breachList(plan)).toEqual([['ceasefire-violation', 'RU']]);
      const narrow = await run([...IN_FORCE, offensive], {
        interpretations: { 'russian-territory': 'without-frozen-line' },
      });
      expect(narrow.final).toMatchObject({
        guarantee: 'invoked',
        sanctions: 'reinstated',
        russiaBenefits: 'withdrawn',
      });
      expect(breachList(narrow).sort()).toEqual([
        ['border-change', 'RU'],
        ['ceasefire-violation', 'RU'],
        ['non-aggression', 'RU'],
      ]);
    },
  );
});

describe('invasion (one test for both sides, invasion-test)', () => {
  it(
    'under ground-incursion (the default) an invasion is a limited or large-scale attack by ground or mixed means, ' +
      'or one that seizes territory',
    async () => {
      for (const extra of [
        { means: 'ground' },
        { scale: 'large-scale', means: 'mixed' },
        { means: 'air', seizesTerritory: true },
      ]) {
        expect(await guaranteeAfter([...IN_FORCE, incursion('2028-01-01', extra)]), JSON.stringify(extra)).toBe(
          'revoked',
        );
      }
      for (const extra of [
        { means: 'air' },
        { means: 'drone', scale: 'large-scale' },
        { scale: 'incident' },
        { scale: 'incident', seizesTerritory: true },
      ]) {
        expect(await guaranteeAfter([...IN_FORCE, incursion('2028-01-01', extra)]), JSON.stringify(extra)).toBe(
          'in-force',
        );
      }
    },
  );

  it(
    'under any-attack every limited or large-scale attack is an invasion whatever its means, ' +
      'and an incident is not',
    async () => {
      const anyAttack = { 'invasion-test': 'any-attack' };
      expect(await guaranteeAfter([...IN_FORCE, incursion('2028-01-01', { means: 'drone' })], anyAttack)).toBe(
        'revoked',
      );
      expect(
        await guaranteeAfter(
          [...IN_FORCE, incursion('2028-01-01', { means: 'naval', scale: 'large-scale' })],
          anyAttack,
        ),
      ).toBe('revoked');
      expect(await guaranteeAfter([...IN_FORCE, incursion('2028-01-01', { scale: 'incident' })], anyAttack)).toBe(
        'in-force',
      );
    },
  );

  it('Ukraine invades Russia only by UA against RU landing on a place that counts as Russia', async () => {
    expect(await guaranteeAfter([...IN_FORCE, incursion('2028-01-01', { territory: 'frozen-line' })])).toBe('revoked');
    expect(
      await guaranteeAfter([...IN_FORCE, incursion('2028-01-01', { territory: 'frozen-line' })], {
        'russian-territory': 'recognised-borders',
      }),
    ).toBe('in-force');
    expect(
      await guaranteeAfter([...IN_FORCE, attack('2028-01-01', 'UA', 'BY', { scale: 'limited', means: 'ground' })]),
    ).toBe('in-force');
  });

  it('Russia invades Ukraine only by RU against UA landing on a place that counts as Ukraine', async () => {
    const raid = (territory: string) =>
      attack('2028-01-01', 'RU', 'UA', { scale: 'limited', means: 'ground', territory });
    expect((await run([...IN_FORCE, raid('ukraine')])).final).toMatchObject({
      sanctions: 'reinstated',
      russiaBenefits: 'withdrawn',
    });
    expect((await run([...IN_FORCE, raid('crimea-donbas')])).final).toMatchObject({
      sanctions: 'in-place',
      russiaBenefits: 'granted',
    });
    expect(
      (
        await run([...IN_FORCE, raid('crimea-donbas')], {
          interpretations: { 'russian-territory': 'recognised-borders' },
        })
      ).final.sanctions,
    ).toBe('reinstated');
  });
});

describe('a qualifying Russian attack (the guarantee draft)', () => {
  it(
    'under significant-deliberate-sustained (the default) a qualifying attack is by RU against UA on Ukraine, ' +
      'large-scale, across the line, deliberate and sustained',
    async () => {
      expect(await guaranteeAfter([...IN_FORCE, qualifying('2028-01-01')])).toBe('invoked');
      const misses = [
        { scale: 'limited' },
        { crossesLine: false },
        { deliberate: false },
        { sustained: undefined },
        { territory: 'buffer-zone' },
      ];
      for (const extra of misses)
        expect(await guaranteeAfter([...IN_FORCE, qualifying('2028-01-01', extra)]), JSON.stringify(extra)).toBe(
          'in-force',
        );
      expect(
        await guaranteeAfter([
          ...IN_FORCE,
          attack('2028-01-01', 'RU', 'MD', { crossesLine: true, deliberate: true, sustained: true }),
        ]),
      ).toBe('in-force');
    },
  );

  it(
    'under attack-test = large-scale a large-scale attack across the line ' +
      'qualifies without being deliberate or sustained',
    async () => {
      const largeScale = { 'attack-test': 'large-scale' };
      expect(
        await guaranteeAfter([...IN_FORCE, attack('2028-01-01', 'RU', 'UA', { crossesLine: true })], largeScale),
      ).toBe('invoked');
      expect(
        await guaranteeAfter([...IN_FORCE, attack('2028-01-01', 'RU', 'UA', { crossesLine: false })], largeScale),
      ).toBe('in-force');
      expect(await guaranteeAfter([...IN_FORCE, attack('2028-01-01', 'RU', 'UA', { crossesLine: true })])).toBe(
        'in-force',
      );
    },
  );

  it('a qualifying attack makes a guarantee in force invoked, in phase consultation', async () => {
    const t = await run([...IN_FORCE, qualifying('2028-01-01')]);
    expect(statusOn(t, '2027-12-31')).toMatchObject({ guarantee: 'in-force', guaranteePhase: null });
    expect(t.final).toMatchObject({ guarantee: 'invoked', guaranteePhase: 'consultation' });
  });

  it('us-response-decided moves the phase to response', async () => {
    const t = await run([
      ...IN_FORCE,
      qualifying('2028-01-01'),
      event('2028-01-09', 'us-response-decided', { measures: ['military'] }),
    ]);
    expect(t.final).toMatchObject({ guarantee: 'invoked', guaranteePhase: 'response' });
  });

  it('hostilities-ended returns an invoked guarantee to in-force', async () => {
    const t = await run([
      ...IN_FORCE,
      qualifying('2028-01-01'),
      event('2028-01-09', 'us-response-decided', { measures: ['economic'] }),
      event('2028-05-01', 'hostilities-ended'),
    ]);
    expect(t.final).toMatchObject({ guarantee: 'in-force', guaranteePhase: null });
    expect(statusOn(t, '2028-04-30').guarantee).toBe('invoked');
  });

  it('a qualifying attack on a guarantee not in force has no effect on it, and the trace says why', async () => {
    const pending = await run([...PROMISED.events, qualifying('2026-02-01')], {
      interpretations: PROMISED.interpretations,
    });
    expect(pending.final.guarantee).toBe('pending');
    expect(reasonFor(step(pending, '2026-02-01', 'armed-attack'), 'qualifying-russian-attack', 'guarantee')).toMatch(
      /pending/,
    );
    const again = await run([
      ...IN_FORCE,
      qualifying('2028-01-01'),
      event('2028-01-09', 'us-response-decided', { measures: ['economic'] }),
      qualifying('2028-02-01'),
    ]);
    expect(again.final.guaranteePhase).toBe('response');
    expect(reasonFor(step(again, '2028-02-01', 'armed-attack'), 'qualifying-russian-attack', 'guarantee')).toMatch(
      /invoked/,
    );
  });

  it("the trace says the scenario's facts are taken as the joint NATO-Ukraine assessment", async () => {
    const t = await run([...IN_FORCE, qualifying('2028-01-01')]);
    expect(firedRule(step(t, '2028-01-01', 'armed-attack'), 'qualifying-russian-attack').note).toMatch(
      /joint NATO-Ukraine mechanism.*scenario's facts as that assessment/,
    );
  });

  it('consultations-held is recorded and changes nothing', async () => {
    const t = await run([
      ...IN_FORCE,
      qualifying('2028-01-01'),
      event('2028-01-05', 'consultations-held', { with: ['UA', 'NATO', 'EU'] }),
    ]);
    const s = step(t, '2028-01-05', 'consultations-held');
    expect(s.changed).toEqual([]);
    expect(s.status).toEqual(statusOn(t, '2028-01-01'));
    expect(s.status.guaranteePhase).toBe('consultation');
  });
});

describe('the snapback (10c)', () => {
  it('Russia invading Ukraine after conclusion reinstates sanctions and withdraws benefits', async () => {
    const t = await run([
      ...IN_FORCE,
      event('2026-06-01', 'sanctions-relief-step'),
      attack('2028-01-01', 'RU', 'UA', { scale: 'limited', means: 'ground' }),
    ]);
    expect(statusOn(t, '2027-01-01')).toMatchObject({ sanctions: 'easing', russiaBenefits: 'granted' });
    expect(t.final).toMatchObject({ sanctions: 'reinstated', russiaBenefits: 'withdrawn', guarantee: 'in-force' });
  });

  it(
    'the snapback applies from in-place and not-granted too: ' +
      'relief and benefits are forfeited before implementation',
    async () => {
      const t = await run([
        ...SIGN_ALL(CONCLUSION),
        attack('2026-02-01', 'RU', 'UA', { scale: 'limited', means: 'ground' }),
      ]);
      expect(statusOn(t, CONCLUSION)).toMatchObject({ sanctions: 'in-place', russiaBenefits: 'not-granted' });
      expect(t.final).toMatchObject({ sanctions: 'reinstated', russiaBenefits: 'withdrawn' });
    },
  );

  it("the snapback applies whatever the guarantee's status: pending, invoked or terminal", async () => {
    const invasion = (at: string) => attack(at, 'RU', 'UA', { scale: 'limited', means: 'ground' });
    const pending = await run([...PROMISED.events, invasion('2026-02-01')], {
      interpretations: PROMISED.interpretations,
    });
    expect(pending.final).toMatchObject({ guarantee: 'pending', sanctions: 'reinstated', russiaBenefits: 'withdrawn' });
    const invoked = await run([...IN_FORCE, qualifying('2028-01-01', { means: 'missile' }), invasion('2028-02-01')]);
    expect(invoked.final).toMatchObject({ guarantee: 'invoked', sanctions: 'reinstated', russiaBenefits: 'withdrawn' });
    const revoked = await run([...IN_FORCE, incursion('2027-01-01'), invasion('2028-02-01')]);
    expect(revoked.final).toMatchObject({ guarantee: 'revoked', sanctions: 'reinstated', russiaBenefits: 'withdrawn' });
  });

  it('no snapback before conclusion: an invasion before it changes nothing, and the trace says why', async () => {
    const t = await run([
      ...FOUR,
      attack('2026-02-01', 'RU', 'UA', { scale: 'limited', means: 'ground' }),
      sign('2026-02-02', 'NATO'),
    ]);
    expect(t.final).toMatchObject({ agreement: 'concluded', sanctions: 'in-place', russiaBenefits: 'not-granted' });
    expect(reasonFor(step(t, '2026-02-01', 'armed-attack'), 'russia-invades-ukraine', 'sanctions')).toMatch(
      /only once the agreement is concluded/,
    );
  });

  it('the trace says 10c also promises a decisive coordinated military response', async () => {
    const t = await run([...IN_FORCE, attack('2028-01-01', 'RU', 'UA', { scale: 'limited', means: 'ground' })]);
    expect(firedRule(step(t, '2028-01-01', 'armed-attack'), 'russia-invades-ukraine').note).toMatch(
      /decisive coordinated military response/,
    );
  });

  it(
    'a qualifying attack that is not an invasion (a missile barrage under ground-incursion) ' +
      'invokes without the snapback, and the trace says so',
    async () => {
      const barrage = qualifying('2028-01-01', { means: 'missile' });
      const t = await run([...IN_FORCE, barrage]);
      expect(t.final).toMatchObject({ guarantee: 'invoked', sanctions: 'in-place', russiaBenefits: 'granted' });
      expect(failedFacts(step(t, '2028-01-01', 'armed-attack'), 'russia-invades-ukraine')).toEqual([
        'invasion-test',
        'means',
        'seizesTerritory',
      ]);
      const anyAttack = await run([...IN_FORCE, barrage], { interpretations: { 'invasion-test': 'any-attack' } });
      expect(anyAttack.final).toMatchObject({
        guarantee: 'invoked',
        sanctions: 'reinstated',
        russiaBenefits: 'withdrawn',
      });
    },
  );
});

describe('hostilities under way (a history fact)', () => {
  it(
    'hostilities are under way from a qualifying Russian attack until the next hostilities-ended, ' +
      "whatever the guarantee's status",
    async () => {
      // the guarantee is still pending (on-ceasefire); a strike 60 days
      // on, outside the window, has cause only while hostilities run
      const interpretations = PROMISED.interpretations;
      const during = await run([...PROMISED.events, qualifying('2026-02-01'), strike('2026-04-02')], {
        interpretations,
      });
      expect(during.final.guarantee).toBe('pending');
      const ended = await run(
        [...PROMISED.events, qualifying('2026-02-01'), event('2026-03-01', 'hostilities-ended'), strike('2026-04-02')],
        { interpretations },
      );
      expect(ended.final.guarantee).toBe('lapsed');
    },
  );

  it('a qualifying attack on any date starts hostilities, one before conclusion too', async () => {
    const before = await run([qualifying('2025-10-01'), ...SIGN_ALL(CONCLUSION), strike('2026-02-01')]);
    expect(before.final.guarantee).toBe('in-force');
    const nonQualifying = await run([
      qualifying('2025-10-01', { crossesLine: false }),
      ...SIGN_ALL(CONCLUSION),
      strike('2026-02-01'),
    ]);
    expect(nonQualifying.final.guarantee).toBe('lapsed');
  });
});

describe('a strike without cause (10d)', () => {
  it('a 10d strike is by UA against RU with a missile at Moscow or Saint Petersburg', async () => {
    expect(await guaranteeAfter([...IN_FORCE, strike('2028-01-01', { justified: false })])).toBe('lapsed');
    expect(
      await guaranteeAfter([...IN_FORCE, strike('2028-01-01', { justified: false, target: 'Saint Petersburg' })]),
    ).toBe('lapsed');
    expect(await guaranteeAfter([...IN_FORCE, strike('2028-01-01', { justified: false, target: 'Belgorod' })])).toBe(
      'in-force',
    );
    expect(await guaranteeAfter([...IN_FORCE, strike('2028-01-01', { justified: false, means: 'air' })])).toBe(
      'in-force',
    );
    expect(
      await guaranteeAfter([
        ...IN_FORCE,
        attack('2028-01-01', 'PL', 'RU', { scale: 'limited', means: 'missile', target: 'Moscow', justified: false }),
      ]),
    ).toBe('in-force');
  });

  it('under strike-means = missile (the default) a drone is no 10d strike; under missile-or-drone it is', async () => {
    const drone = strike('2028-01-01', { means: 'drone', justified: false });
    expect(await guaranteeAfter([...IN_FORCE, drone])).toBe('in-force');
    expect(await guaranteeAfter([...IN_FORCE, drone], { 'strike-means': 'missile-or-drone' })).toBe('lapsed');
    expect(
      await guaranteeAfter([...IN_FORCE, strike('2028-01-01', { justified: false })], {
        'strike-means': 'missile-or-drone',
      }),
    ).toBe('lapsed');
  });

  it('a target in any usual spelling of either city counts, hyphens and "St." included', async () => {
    for (const target of [
      'St. Petersburg',
      'St Petersburg',
      'Saint-Petersburg',
      'st.-petersburg',
      'SAINT PETERSBURG',
      'Sankt-Peterburg',
      'Moskva',
      'moscow',
      'Москва',
    ]) {
      expect(await guaranteeAfter([...IN_FORCE, strike('2028-01-01', { target, justified: false })]), target).toBe(
        'lapsed',
      );
    }
    expect(await guaranteeAfter([...IN_FORCE, strike('2028-01-01', { target: 'Petersburg', justified: false })])).toBe(
      'in-force',
    );
  });

  it('a strike with justified: false is without cause under each strike-cause reading, in the window too', async () => {
    for (const reading of ['retaliation-window', 'strict', 'unknown']) {
      const t = await run(
        [
          ...IN_FORCE,
          attack('2027-12-30', 'RU', 'UA', { scale: 'incident' }),
          strike('2028-01-01', { justified: false }),
        ],
        { interpretations: { 'strike-cause': reading } },
      );
      expect(t.final.guarantee, reading).toBe('lapsed');
      const justified = await run([...IN_FORCE, strike('2028-01-01', { justified: true })], {
        interpretations: { 'strike-cause': reading },
      });
      expect(justified.final.guarantee, reading).toBe('in-force');
    }
  });

  it('under strict a strike with justified absent is without cause, even while hostilities are under way', async () => {
    const t = await run([...IN_FORCE, qualifying('2028-01-01'), strike('2028-01-02')], {
      interpretations: { 'strike-cause': 'strict' },
    });
    expect(t.final.guarantee).toBe('lapsed');
    const window = await run([...IN_FORCE, qualifying('2028-01-01'), strike('2028-01-02')]);
    expect(window.final.guarantee).toBe('invoked');
  });

  it(
    'under retaliation-window (the default) a strike with justified absent ' +
      'and no Russian attack before it is without cause',
    async () => {
      const t = await run([...IN_FORCE, strike('2028-01-01')]);
      expect(t.interpretations['strike-cause']).toBe('retaliation-window');
      expect(t.final.guarantee).toBe('lapsed');
    },
  );

  it('under retaliation-window a strike has cause during hostilities, however long ago they began', async () => {
    expect(await guaranteeAfter([...IN_FORCE, qualifying('2028-01-01'), strike('2028-06-01')])).toBe('invoked');
    expect(
      await guaranteeAfter([
        ...IN_FORCE,
        qualifying('2028-01-01'),
        event('2028-02-01', 'hostilities-ended'),
        strike('2028-06-01'),
      ]),
    ).toBe('lapsed');
  });

  it('under retaliation-window any Russian armed attack on Ukraine counts: any scale, any territory', async () => {
    for (const extra of [
      { scale: 'incident' },
      { scale: 'limited', territory: 'crimea-donbas' },
      { scale: 'incident', territory: 'frozen-line', means: 'drone' },
    ]) {
      expect(
        await guaranteeAfter([...IN_FORCE, attack('2028-01-01', 'RU', 'UA', extra), strike('2028-01-10')]),
        JSON.stringify(extra),
      ).toBe('in-force');
    }
    expect(
      await guaranteeAfter([...IN_FORCE, attack('2028-01-01', 'RU', 'PL', { scale: 'limited' }), strike('2028-01-10')]),
    ).toBe('lapsed');
    expect(
      await guaranteeAfter([
        ...IN_FORCE,
        attack('2028-01-01', 'UA', 'RU', { scale: 'incident' }),
        strike('2028-01-10'),
      ]),
    ).toBe('lapsed');
  });

  it('under retaliation-window a Russian attack before conclusion counts too', async () => {
    expect(
      await guaranteeAfter([
        attack('2026-01-01', 'RU', 'UA', { scale: 'incident' }),
        ...SIGN_ALL(CONCLUSION),
        strike('2026-01-20'),
      ]),
    ).toBe('in-force');
    expect(
      await guaranteeAfter([
        attack('2025-12-01', 'RU', 'UA', { scale: 'incident' }),
        ...SIGN_ALL(CONCLUSION),
        strike('2026-01-20'),
      ]),
    ).toBe('lapsed');
  });

  it('under retaliation-window an attack 30 days before the strike counts, one 31 days before does not', async () => {
    const prior = attack('2028-01-01', 'RU', 'UA', { scale: 'incident' });
    expect(await guaranteeAfter([...IN_FORCE, prior, strike('2028-01-31')])).toBe('in-force');
    expect(await guaranteeAfter([...IN_FORCE, prior, strike('2028-02-01')])).toBe('lapsed');
  });

  it('under retaliation-window the window is retaliation-window-days long', async () => {
    const events = [...IN_FORCE, attack('2028-01-01', 'RU', 'UA', { scale: 'incident' }), strike('2028-02-01')];
    expect((await run(events, { set: { 'retaliation-window-days': '31' } })).final.guarantee).toBe('in-force');
    expect((await run(events, { parameters: { 'retaliation-window-days': 0 } })).final.guarantee).toBe('lapsed');
  });

  it(
    'under retaliation-window an attack earlier the same day counts if it comes first in the file, ' +
      'not if it comes after',
    async () => {
      const prior = attack('2028-01-01', 'RU', 'UA', { scale: 'incident' });
      expect(await guaranteeAfter([...IN_FORCE, prior, strike('2028-01-01')])).toBe('in-force');
      expect(await guaranteeAfter([...IN_FORCE, strike('2028-01-01'), prior])).toBe('lapsed');
    },
  );

  it('under unknown a strike with justified absent has an open outcome, and the run branches', async () => {
    const loaded = scenarioOf([...IN_FORCE, { ...strike('2028-01-01'), id: 'strike' }], {
      interpretations: { 'strike-cause': 'unknown' },
    });
    await expect(
      run([...IN_FORCE, strike('2028-01-01')], { interpretations: { 'strike-cause': 'unknown' } }),
    ).rejects.toThrow(JudgementNeeded);
    const branched = await runBranches(loaded, ruleSet);
    expect(branched.open.map((f) => f.key)).toEqual(['strike.justified']);
    expect(branched.outcomes.map((o) => [o.final.guarantee, o.when])).toEqual([
      ['in-force', 'strike.justified = true'],
      ['lapsed', 'strike.justified = false'],
    ]);
    const stated = await runBranches(
      scenarioOf([...IN_FORCE, strike('2028-01-01', { justified: true })], {
        interpretations: { 'strike-cause': 'unknown' },
      }),
      ruleSet,
    );
    expect(stated.outcomes.map((o) => o.final.guarantee)).toEqual(['in-force']);
  });

  it('a strike stated justified: unknown is open under every reading', async () => {
    for (const reading of ['retaliation-window', 'strict', 'unknown']) {
      const loaded = scenarioOf(
        [...IN_FORCE, qualifying('2028-01-01'), { ...strike('2028-01-02', { justified: 'unknown' }), id: 'strike' }],
        { interpretations: { 'strike-cause': reading } },
      );
      const branched = await runBranches(loaded, ruleSet);
      expect(branched.outcomes.map((o) => o.final.guarantee).sort(), reading).toEqual(['invoked', 'lapsed']);
    }
  });
});

describe('Ukraine forfeits the guarantee (10b, 10d, 22)', () => {
  const grab = (at: string) => attack(at, 'RU', 'UA', { scale: 'limited', means: 'air', seizesTerritory: true });
  const ALL_GUARANTEES = { 'clause-22-scope': 'all-guarantees' };

  it('a Ukrainian invasion of Russia revokes the guarantee, in force or invoked', async () => {
    expect(await guaranteeAfter([...IN_FORCE, incursion('2028-01-01')])).toBe('revoked');
    expect(await guaranteeAfter([...IN_FORCE, qualifying('2028-01-01'), incursion('2028-01-02')])).toBe('revoked');
  });

  it('a strike without cause lapses the guarantee, in force or invoked', async () => {
    expect(await guaranteeAfter([...IN_FORCE, strike('2028-01-01')])).toBe('lapsed');
    expect(
      await guaranteeAfter([...IN_FORCE, qualifying('2028-01-01'), strike('2028-01-02', { justified: false })]),
    ).toBe('lapsed');
  });

  it('a border change by force voids the guarantee, in force or invoked', async () => {
    expect(await guaranteeAfter([...IN_FORCE, grab('2028-01-01')], ALL_GUARANTEES)).toBe('void');
    expect(await guaranteeAfter([...IN_FORCE, qualifying('2028-01-01'), grab('2028-01-02')], ALL_GUARANTEES)).toBe(
      'void',
    );
  });

  it(
    'each of the three also ends a guarantee still pending after conclusion: ' +
      'a promised guarantee is lost before it starts',
    async () => {
      const interpretations = PROMISED.interpretations;
      expect(await guaranteeAfter([...PROMISED.events, incursion('2026-02-01')], interpretations)).toBe('revoked');
      expect(await guaranteeAfter([...PROMISED.events, strike('2026-02-01')], interpretations)).toBe('lapsed');
      expect(
        await guaranteeAfter([...PROMISED.events, grab('2026-02-01')], { ...interpretations, ...ALL_GUARANTEES }),
      ).toBe('void');
    },
  );

  it('before conclusion an invasion, strike without cause or land grab has no effect; the trace says why', async () => {
    for (const act of [incursion('2026-01-05'), strike('2026-01-05'), grab('2026-01-05')]) {
      const t = await run([...FOUR.map((e) => ({ ...e, at: '2026-01-01' })), act, sign('2026-01-10', 'NATO')], {
        interpretations: ALL_GUARANTEES,
      });
      expect(statusOn(t, '2026-01-05').guarantee, JSON.stringify(act)).toBe('pending');
      expect(t.final.guarantee, JSON.stringify(act)).toBe('in-force');
      const s = step(t, '2026-01-05', 'armed-attack');
      const forfeit = s.fired.find((f) =>
        ['ukraine-invasion', 'strike-without-cause', 'border-change-voids-guarantee'].includes(f.rule),
      )!;
      expect(forfeit.unaffected.find((u) => u.region === 'guarantee')?.reason).toMatch(
        /before the agreement is concluded nothing is forfeited/,
      );
    }
  });
});

describe('borders changed by force (22)', () => {
  it('UA seizing territory on a place counting as Russia after conclusion: a border-change breach by UA', async () => {
    const t = await run([
      ...IN_FORCE,
      incursion('2028-01-01', { means: 'air', seizesTerritory: true, territory: 'crimea-donbas' }),
    ]);
    expect(breachList(t)).toContainEqual(['border-change', 'UA']);
    const noSeizure = await run([...IN_FORCE, incursion('2028-01-01', { territory: 'crimea-donbas' })]);
    expect(breachList(noSeizure)).not.toContainEqual(['border-change', 'UA']);
    const incident = await run([...IN_FORCE, incursion('2028-01-01', { scale: 'incident', seizesTerritory: true })]);
    expect(breachList(incident)).toEqual([['ceasefire-violation', 'UA']]);
  });

  it('RU seizing territory on a place counting as Ukraine after conclusion: a border-change breach by RU', async () => {
    const t = await run([...IN_FORCE, attack('2028-01-01', 'RU', 'UA', { scale: 'limited', seizesTerritory: true })]);
    expect(breachList(t)).toContainEqual(['border-change', 'RU']);
    const before = await run([
      attack('2026-01-01', 'RU', 'UA', { scale: 'limited', seizesTerritory: true }),
      ...SIGN_ALL(CONCLUSION),
    ]);
    expect(before.final.breaches).toEqual([]);
  });

  it(
    'the guarantee is void when UA is the attacker (10b takes precedence where both apply), ' +
      'and under clause-22-scope = all-guarantees whoever attacks',
    async () => {
      const ukraine = await run([...IN_FORCE, incursion('2028-01-01', { seizesTerritory: true })]);
      expect(firedRules(step(ukraine, '2028-01-01', 'armed-attack'))).toContain('border-change-voids-guarantee');
      const russia = attack('2028-01-01', 'RU', 'UA', { scale: 'limited', means: 'air', seizesTerritory: true });
      expect(await guaranteeAfter([...IN_FORCE, russia])).toBe('in-force');
      expect(await guaranteeAfter([...IN_FORCE, russia], { 'clause-22-scope': 'all-guarantees' })).toBe('void');
    },
  );

  it("retaking one's own side is not a border change", async () => {
    const ukraineRetakes = await run(
      [...IN_FORCE, incursion('2028-01-01', { seizesTerritory: true, territory: 'ukraine' })],
      { interpretations: { 'clause-22-scope': 'all-guarantees' } },
    );
    expect(ukraineRetakes.final.guarantee).toBe('in-force');
    expect(breachList(ukraineRetakes)).toEqual([['ceasefire-violation', 'UA']]);
    const russiaRetakes = await run(
      [
        ...IN_FORCE,
        attack('2028-01-01', 'RU', 'UA', { scale: 'limited', seizesTerritory: true, territory: 'crimea-donbas' }),
      ],
      { interpretations: { 'clause-22-scope': 'all-guarantees' } },
    );
    expect(russiaRetakes.final.guarantee).toBe('in-force');
    expect(breachList(russiaRetakes)).toEqual([['ceasefire-violation', 'RU']]);
  });
});

describe('the same event, two terminal outcomes', () => {
  it(
    'a Ukrainian invasion that also seizes Russian land is revoked (10b before 22), ' +
      'and the trace lists every rule that fired',
    async () => {
      const t = await run([...IN_FORCE, incursion('2028-01-01', { seizesTerritory: true })]);
      const s = step(t, '2028-01-01', 'armed-attack');
      expect([...firedRules(s)].sort()).toEqual([
        'border-change-breach',
        'border-change-voids-guarantee',
        'ceasefire-violation',
        'ukraine-invasion',
        'ukrainian-aggression-on-russia',
      ]);
      expect(breachList(t).sort()).toEqual([
        ['border-change', 'UA'],
        ['ceasefire-violation', 'UA'],
        ['non-aggression', 'UA'],
      ]);
      expect(t.final.guarantee).toBe('revoked');
      expect(firedRule(s, 'ukraine-invasion').changed).toContain('guarantee');
      expect(firedRule(s, 'border-change-voids-guarantee').changed).toEqual([]);
      expect(reasonFor(s, 'border-change-voids-guarantee', 'guarantee')).toMatch(/revoked/);
    },
  );

  it('an unprovoked missile at Moscow that is also an invasion (any-attack) is revoked, 10b before 10d', async () => {
    const t = await run([...IN_FORCE, strike('2028-01-01')], { interpretations: { 'invasion-test': 'any-attack' } });
    const s = step(t, '2028-01-01', 'armed-attack');
    expect(t.final.guarantee).toBe('revoked');
    expect(firedRules(s).filter((r) => ['ukraine-invasion', 'strike-without-cause'].includes(r))).toEqual([
      'ukraine-invasion',
      'strike-without-cause',
    ]);
    expect(reasonFor(s, 'strike-without-cause', 'guarantee')).toMatch(/revoked/);
  });

  it(
    '10d is applied before 22: ' +
      'a strike without cause that seizes land lists lapse before void (10b, on the invasion test, before both)',
    async () => {
      const t = await run([...IN_FORCE, strike('2028-01-01', { seizesTerritory: true })]);
      const order = firedRules(step(t, '2028-01-01', 'armed-attack')).filter((r) =>
        ['ukraine-invasion', 'strike-without-cause', 'border-change-voids-guarantee'].includes(r),
      );
      expect(order).toEqual(['ukraine-invasion', 'strike-without-cause', 'border-change-voids-guarantee']);
      expect(t.final.guarantee).toBe('revoked');
    },
  );

  it('check reports each overlap of two terminal outcomes, acknowledged in ambiguities.json', () => {
    const report = bundledCheck();
    const pairs = report.findings.map((f) => [...f.rules].sort().join(' + '));
    for (const pair of [
      'border-change-voids-guarantee + ukraine-invasion',
      'strike-without-cause + ukraine-invasion',
      'border-change-voids-guarantee + strike-without-cause',
    ])
      expect(pairs).toContain(pair);
    expect(report.findings.filter((f) => !f.acknowledged)).toEqual([]);
    expect(
      report.findings.find((f) => f.rules.includes('ukraine-invasion') && f.rules.includes('strike-without-cause'))!
        .applied,
    ).toBe('revoked');
  });

  it('on one event the invocation and the snapback are applied before a terminal outcome', async () => {
    const offensive = qualifying('2028-01-01', { means: 'ground', seizesTerritory: true });
    const t = await run([...IN_FORCE, offensive], { interpretations: { 'clause-22-scope': 'all-guarantees' } });
    const s = step(t, '2028-01-01', 'armed-attack');
    const rules = firedRules(s);
    expect(rules.indexOf('qualifying-russian-attack')).toBeLessThan(rules.indexOf('border-change-voids-guarantee'));
    expect(rules.indexOf('russia-invades-ukraine')).toBeLessThan(rules.indexOf('border-change-voids-guarantee'));
    expect(firedRule(s, 'qualifying-russian-attack').changed).toContain('guarantee');
    expect(firedRule(s, 'russia-invades-ukraine').changed).toEqual(['sanctions', 'russiaBenefits']);
    expect(t.final).toMatchObject({ guarantee: 'void', sanctions: 'reinstated', russiaBenefits: 'withdrawn' });
    expect((await run([...IN_FORCE, offensive])).final.guarantee).toBe('invoked');
  });
});

it('the standard timeline is concluded, in force and implementing, with no breach (control)', async () => {
  const t = await run([...IN_FORCE, event('2027-01-01', 'consultations-held', { with: ['UA'] })]);
  expect(statusOn(t, IMPLEMENTATION)).toMatchObject({
    agreement: 'implementing',
    guarantee: 'in-force',
    ceasefire: 'in-effect',
  });
  expect(t.final.breaches).toEqual([]);
});
