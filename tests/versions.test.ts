// Plan versions as a chain, the events and phases the later versions need, and one scenario through every version.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/check/index.js';
import { main } from '../src/cli/main.js';
import { InputError } from '../src/issues/issue.js';
import { htmlReport } from '../src/render/html.js';
import { loadPlannedRuleSet, planVersions, type RuleSet } from '../src/rules/load.js';
import { runScenario } from '../src/run/runner.js';
import { checkScenario, loadScenario } from '../src/scenario/load.js';
import { runVersions } from '../src/whatif/versions.js';
import { captureIo, IN_FORCE, qualifying, SIGN_ALL, statusOn, VERSIONS, WITHDRAW_BOTH, type Ev } from './helpers.js';

const cli = async (argv: string[]) => {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};

const plans = new Map<string, RuleSet>();
const planned = (v: string) => plans.get(v) ?? plans.set(v, loadPlannedRuleSet(undefined, v)).get(v)!;
const under = (v: string, events: Ev[], extra: Record<string, unknown> = {}) => {
  const rs = planned(v);
  return runScenario(
    checkScenario({ scenario: 'test-scenario', title: 'A scenario built in a test', events, ...extra }, rs),
    rs,
  );
};

/** A copy of the bundled rule directory with one version overlay changed. */
// biome-ignore lint/suspicious/noExplicitAny: the test edits a rule file as raw JSON
function rulesWithVersion(name: string, change: (json: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'casus-versions-'));
  mkdirSync(join(dir, 'versions'));
  for (const f of readdirSync('rules').filter((n) => n.endsWith('.json')))
    writeFileSync(join(dir, f), readFileSync(join('rules', f)));
  for (const f of readdirSync('rules/versions'))
    writeFileSync(join(dir, 'versions', f), readFileSync(join('rules/versions', f)));
  const file = join(dir, 'versions', `${name}.json`);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  change(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return dir;
}

/**
 * In force on 2026-01-10 under every version: signed, ratified by
 * the US and Ukraine, approved by referendum; then implementation.
 */
const IN_FORCE_EVERYWHERE: Ev[] = [
  ...SIGN_ALL('2026-01-10'),
  { at: '2026-01-10', type: 'ratification', party: 'US', body: 'Senate' },
  { at: '2026-01-10', type: 'ratification', party: 'UA' },
  { at: '2026-01-10', type: 'referendum-held', party: 'UA', result: 'approved' },
  ...IN_FORCE.filter((e) => e.type !== 'signature'),
];

describe('the chain of versions', () => {
  it(
    'the six versions build on one another: us-28 → geneva-19 → berlin → ua-20 → mar-a-lago, ' +
      'e3-counter from us-28',
    () => {
      expect(planVersions()).toEqual([...VERSIONS].sort());
      const lineage = (v: string) => [...planned(v).plan!.inherited.map((x) => x.version), v];
      expect(lineage('mar-a-lago')).toEqual(['us-28', 'geneva-19', 'berlin', 'ua-20', 'mar-a-lago']);
      expect(lineage('e3-counter')).toEqual(['us-28', 'e3-counter']);
    },
  );

  it('a version applies its ancestors first: under berlin the cap dropped in Geneva is back at 800,000', () => {
    expect(planned('geneva-19').rules.some((r) => r.name === 'force-cap-exceeded')).toBe(false);
    const berlin = planned('berlin');
    expect(berlin.rules.some((r) => r.name === 'force-cap-exceeded')).toBe(true);
    expect(berlin.settings.parameters.find((p) => p.name === 'force-cap')?.value).toBe(800000);
    expect(berlin.plan!.removed).toEqual([]);
  });

  it('every change of every version cites at least one web address', () => {
    for (const v of VERSIONS) {
      const plan = planned(v).plan!;
      for (const c of plan.changes) {
        expect(c.sources.length, `${v}: ${c.note}`).toBeGreaterThan(0);
        for (const s of c.sources) expect(s.address).toMatch(/^https:\/\//);
      }
    }
  });

  it('casus check passes under every version', () => {
    for (const v of VERSIONS) expect(runCheck(planned(v)).ok, v).toBe(true);
  });

  it('a cycle of builds-on is an error at the builds-on line of the file that closes it', () => {
    const dir = rulesWithVersion('geneva-19', (j) => (j['builds-on'] = 'ua-20'));
    expect(() => loadPlannedRuleSet(dir, 'berlin')).toThrow(InputError);
    try {
      loadPlannedRuleSet(dir, 'berlin');
    } catch (error) {
      const [issue] = (error as InputError).issues;
      expect(issue).toMatchObject({ path: 'builds-on', message: expect.stringContaining('makes a cycle') });
      expect(issue!.file).toMatch(/ua-20\.json$/);
      expect(issue!.line).toBe(5);
    }
  });

  it('an unknown parent is an error at its line, with the nearest name', async () => {
    const dir = rulesWithVersion('berlin', (j) => (j['builds-on'] = 'geneva-91'));
    const { code, err } = await cli(['clauses', '--rules', dir, '--plan', 'mar-a-lago']);
    expect(code).toBe(2);
    expect(err).toMatch(/berlin\.json:5:\d+: builds-on: unknown plan version "geneva-91"/);
    expect(err).toContain('did you mean "geneva-19"?');
  });

  it(
    'casus clauses --plan shows the parent, what stays unpublished, ' +
      'the changes from the parent and those from us-28',
    async () => {
      const { code, out } = await cli(['clauses', '--plan', 'berlin']);
      expect(code).toBe(0);
      expect(out).toContain('builds on: geneva-19 (us-28 → geneva-19 → berlin)');
      expect(out).toContain('unpublished, so as in geneva-19:');
      expect(out).toContain('5 changes from geneva-19:');
      expect(out).toContain('6 changes from us-28 in all');
      expect(out).toMatch(/rule force-cap-exceeded removed \(geneva-19; reported\)/);
    },
  );
});

describe('ratification and referendum', () => {
  it(
    'under berlin the signed guarantee is awaiting-ratification until the US ratifies, ' +
      'and enters into force on that event',
    async () => {
      const t = await under('berlin', [
        ...SIGN_ALL('2026-01-10'),
        { at: '2026-03-01', type: 'ratification', party: 'US', body: 'Senate' },
      ]);
      expect(statusOn(t, '2026-01-10')).toMatchObject({
        agreement: 'concluded',
        guarantee: 'pending',
        guaranteePhase: 'awaiting-ratification',
      });
      expect(t.final).toMatchObject({ guarantee: 'in-force', guaranteePhase: null });
      expect(t.steps.find((s) => s.event?.type === 'ratification')!.fired.map((f) => f.rule)).toContain(
        'entry-into-force',
      );
    },
  );

  it(
    'a ratification before the signatures does not move the phase: ' +
      'the first unmet condition is still the signatures',
    async () => {
      const t = await under('berlin', [
        { at: '2026-01-05', type: 'ratification', party: 'US' },
        ...SIGN_ALL('2026-01-10'),
      ]);
      expect(statusOn(t, '2026-01-05')).toMatchObject({ guarantee: 'pending', guaranteePhase: 'awaiting-signatures' });
      expect(t.final).toMatchObject({ guarantee: 'in-force' });
    },
  );

  it('under berlin with compensation a precondition, the phase awaits compensation before ratification', async () => {
    const t = await under(
      'berlin',
      [
        ...SIGN_ALL('2026-01-10'),
        { at: '2026-02-01', type: 'compensation-paid' },
        { at: '2026-03-01', type: 'ratification', party: 'US' },
      ],
      { interpretations: { compensation: 'precondition' } },
    );
    expect(['2026-01-10', '2026-02-01', '2026-03-01'].map((d) => statusOn(t, d).guaranteePhase)).toEqual([
      'awaiting-compensation',
      'awaiting-ratification',
      null,
    ]);
  });

  it(
    'under ua-20 the guarantee still waits for the US ratification it inherits from berlin, ' +
      'but not for compensation',
    async () => {
      const t = await under(
        'ua-20',
        [...SIGN_ALL('2026-01-10'), { at: '2026-03-01', type: 'ratification', party: 'US' }],
        { interpretations: { compensation: 'precondition' } },
      );
      expect(statusOn(t, '2026-01-10').guaranteePhase).toBe('awaiting-ratification');
      expect(t.final.guarantee).toBe('in-force');
    },
  );

  it(
    'a Russian attack while ratification is pending does not invoke the guarantee under berlin; ' +
      'it does under us-28',
    async () => {
      const events = [...SIGN_ALL('2026-01-10'), qualifying('2026-05-04', { means: 'ground' })];
      expect((await under('us-28', events)).final).toMatchObject({ guarantee: 'invoked' });
      expect((await under('berlin', events)).final).toMatchObject({
        guarantee: 'pending',
        guaranteePhase: 'awaiting-ratification',
        sanctions: 'reinstated',
      });
    },
  );

  it(
    'under mar-a-lago the guarantee waits for both parliaments, then for a referendum; ' +
      'a rejection keeps it waiting, a later approval brings it into force',
    async () => {
      const t = await under('mar-a-lago', [
        ...SIGN_ALL('2026-01-10'),
        { at: '2026-02-01', type: 'ratification', party: 'US' },
        { at: '2026-02-10', type: 'ratification', party: 'UA' },
        { at: '2026-03-01', type: 'referendum-held', party: 'UA', result: 'rejected' },
        { at: '2026-09-01', type: 'referendum-held', party: 'UA', result: 'approved' },
      ]);
      expect(
        ['2026-01-10', '2026-02-01', '2026-02-10', '2026-03-01'].map((d) => statusOn(t, d).guaranteePhase),
      ).toEqual(['awaiting-ratification', 'awaiting-ratification', 'awaiting-referendum', 'awaiting-referendum']);
      expect(statusOn(t, '2026-03-01').guarantee).toBe('pending');
      expect(t.steps.find((s) => s.at === '2026-03-01')!.fired.map((f) => f.rule)).toEqual(['referendum-rejected']);
      expect(t.final).toMatchObject({ guarantee: 'in-force' });
    },
  );

  it('an approving referendum held before the parliaments ratify counts once they have', async () => {
    const t = await under('mar-a-lago', [
      ...SIGN_ALL('2026-01-10'),
      { at: '2026-01-20', type: 'referendum-held', party: 'UA', result: 'approved' },
      { at: '2026-02-01', type: 'ratification', party: 'UA' },
      { at: '2026-02-02', type: 'ratification', party: 'US' },
    ]);
    expect(statusOn(t, '2026-02-01')).toMatchObject({ guarantee: 'pending', guaranteePhase: 'awaiting-ratification' });
    expect(t.final.guarantee).toBe('in-force');
  });

  it('under us-28 ratifications and referendums change nothing', async () => {
    const t = await under('us-28', [
      ...SIGN_ALL('2026-01-10'),
      { at: '2026-03-01', type: 'referendum-held', party: 'UA', result: 'rejected' },
    ]);
    expect(t.final).toMatchObject({ guarantee: 'in-force' });
  });
});

describe('the multinational force and the fifteen-year term', () => {
  const stationed = (by: string, mandate?: string): Ev[] => [
    ...IN_FORCE_EVERYWHERE,
    { at: '2026-06-01', type: 'troops-stationed', by, in: 'UA', ...(mandate ? { mandate } : {}) },
  ];
  const anyMember = { interpretations: { 'nato-troops': 'any-member' } };

  it('French troops of the multinational force breach point 8 under us-28 with any-member, not berlin', async () => {
    expect(
      (await under('us-28', stationed('FR', 'multinational-force'), anyMember)).final.breaches.map((b) => b.kind),
    ).toEqual(['nato-troops']);
    expect((await under('berlin', stationed('FR', 'multinational-force'), anyMember)).final.breaches).toEqual([]);
  });

  it("under berlin French troops without that mandate, and NATO's own, are still a breach", async () => {
    expect((await under('berlin', stationed('FR'), anyMember)).final.breaches.map((b) => b.kind)).toEqual([
      'nato-troops',
    ]);
    expect(
      (await under('berlin', stationed('NATO', 'multinational-force'), anyMember)).final.breaches.map((b) => b.kind),
    ).toEqual(['nato-troops']);
  });

  it('in year twelve the guarantee has expired under ua-20 and is in force under mar-a-lago', async () => {
    const events = IN_FORCE_EVERYWHERE;
    expect((await under('ua-20', events, { until: '2038-01-10' })).final.guarantee).toBe('expired');
    const t = await under('mar-a-lago', events, { until: '2041-01-10' });
    expect(statusOn(t, '2041-01-09').guarantee).toBe('in-force');
    expect(t.final.guarantee).toBe('expired');
  });
});

describe('casus versions', () => {
  const FORCE = 'scenarios/a-force-of-700000-breaches-the-cap-of-the-28-points-but-not-the-geneva-revision.yaml';
  const FORCE_MN = 'scenarios/a-multinational-force-breaches-point-8-under-the-28-points-but-not-after-berlin.yaml';

  it('runs the scenario under every version in date order, naming the change that altered each outcome', async () => {
    const rs = VERSIONS.map(planned);
    const report = await runVersions(loadScenario(FORCE, rs[0]!), [...rs].reverse());
    expect(report.versions.map((v) => v.version)).toEqual(VERSIONS);
    const geneva = report.versions.find((v) => v.version === 'geneva-19')!;
    expect(geneva.differs).toEqual(['breaches']);
    expect(geneva.decidedBy).toMatchObject({
      index: 1,
      rule: 'force-cap-exceeded',
      clause: 'force-cap',
      at: '2027-01-15',
    });
    expect(geneva.decidedBy!.sources[0]!.address).toContain('caliber.az');
    // nobody ratifies in this scenario: under berlin the guarantee waits for the Senate
    expect(report.versions.find((v) => v.version === 'berlin')!.decidedBy).toMatchObject({
      rule: 'entry-into-force',
      clause: 'entry-into-force',
    });
    expect(report.versions.find((v) => v.version === 'ua-20')!.differs).toEqual([]);
  });

  it(
    "the deciding change is the first of the version's own that alters the outcome, " + 'not the first change it makes',
    async () => {
      const rs = VERSIONS.map(planned);
      const report = await runVersions(loadScenario(FORCE_MN, rs[0]!), rs);
      const berlin = report.versions.find((v) => v.version === 'berlin')!;
      expect(berlin.decidedBy).toMatchObject({
        index: 3,
        rule: 'nato-troops-stationed',
        clause: 'no-nato-troops',
        at: '2026-06-01',
      });
    },
  );

  it('prints the table and the deciding changes as text, Markdown and JSON', async () => {
    const text = await cli(['versions', FORCE_MN]);
    expect(text.code).toBe(0);
    const lines = text.out.split('\n');
    const first = (v: string) => lines.findIndex((l) => l.startsWith(`${v} `));
    expect(VERSIONS.map(first)).toEqual([...VERSIONS.map(first)].sort((a, b) => a - b));
    expect(lines[first('us-28')]).toContain('nato-troops (NATO)');
    expect(text.out).toMatch(
      /berlin: differs from geneva-19 in breaches: change 3, rule\s+nato-troops-stationed replaced/,
    );
    expect(text.out).toContain('news.laodong.vn');
    const md = await cli(['versions', FORCE_MN, '--format', 'md']);
    expect(md.out).toContain('| version | date | agreement |');
    expect(md.out).toContain('| berlin | 2025-12-16 |');
    const json = JSON.parse((await cli(['versions', FORCE_MN, '--format', 'json'])).out);
    expect(json.versions.map((v: { version: string }) => v.version)).toEqual(VERSIONS);
    expect(json.versions.find((v: { version: string }) => v.version === 'berlin')).toMatchObject({
      version: 'berlin',
      buildsOn: 'geneva-19',
      decidedBy: { rule: 'nato-troops-stationed' },
    });
  });

  it('takes no --plan: it runs them all', async () => {
    expect((await cli(['versions', FORCE, '--plan', 'berlin'])).code).toBe(2);
  });

  it('the HTML report shows the scenario under every version as a timeline, the current version marked', async () => {
    const rs = VERSIONS.map(planned);
    const loaded = loadScenario(FORCE_MN, rs[0]!);
    const html = htmlReport(await runScenario(loaded, rs[0]!), await runVersions(loaded, rs));
    expect(html).toContain('<section id="versions">');
    expect(html.match(/<li class="version/g)).toHaveLength(VERSIONS.length);
    expect(html).toMatch(/<li class="version current[^"]*" data-version="us-28">/);
    const cliHtml = await cli(['run', FORCE_MN, '--format', 'html']);
    expect(cliHtml.out).toContain('data-version="mar-a-lago"');
  });
});

describe('expectations under a named version', () => {
  it('casus test runs under each version its expectations name, and fails when one does not hold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-plan-expect-'));
    const file = join(dir, 'berlin-waits.yaml');
    const events = [...SIGN_ALL('2026-01-10'), ...WITHDRAW_BOTH('2026-03-01')]
      .map((e) => `  - { at: ${e.at}, type: ${e.type}, party: ${e.party} }`)
      .join('\n');
    writeFileSync(
      file,
      `scenario: berlin-waits\ntitle: t\nevents:\n${events}\nexpect:\n` +
        `  - { on: end, plan: us-28, guarantee: in-force }\n  - { on: end, plan: berlin, guarantee: in-force }\n`,
    );
    const { code, out } = await cli(['test', file]);
    expect(code).toBe(1);
    expect(out).toContain('(plan berlin) (1 of 1 expectations failed)');
    writeFileSync(
      file,
      `scenario: berlin-waits\ntitle: t\nevents:\n${events}\nexpect:\n` +
        `  - { on: end, plan: us-28, guarantee: in-force }\n` +
        `  - { on: end, plan: berlin, guarantee: pending, guaranteePhase: awaiting-ratification }\n`,
    );
    expect((await cli(['test', file])).code).toBe(0);
  });
});
