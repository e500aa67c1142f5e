// Laws as data: the loader's errors, every bundled law proved, a
// planted false law answered with a timeline casus run replays.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/check/index.js';
import { main } from '../src/cli/main.js';
import { formatIssue, InputError } from '../src/issues/issue.js';
import { parseLaws } from '../src/laws/load.js';
import { bundledCheck, captureIo, ruleSet } from './helpers.js';

const law = (over: Record<string, unknown> = {}) => ({
  name: 'a-law',
  description: 'A law written by a test.',
  points: ['SG'],
  when: { fact: 'before.guarantee', operator: 'equal', value: 'in-force' },
  then: { fact: 'after.guarantee', operator: 'notEqual', value: 'pending' },
  ...over,
});
const lawFile = (...laws: object[]) => JSON.stringify({ laws }, null, 2);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const issuesOf = (text: string) => {
  try {
    parseLaws('/laws', [{ name: 'mine.json', text }], ruleSet);
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  return [];
};

const PLANTED = {
  name: 'the-guarantee-is-never-invoked',
  description: 'Planted and false: a guarantee in force stays in force.',
  points: ['SG'],
  when: { fact: 'before.guarantee', operator: 'equal', value: 'in-force' },
  then: { fact: 'after.guarantee', operator: 'equal', value: 'in-force' },
};

describe('law files', () => {
  it('an unknown fact is an error at its file and line, with a did-you-mean', () => {
    const text = lawFile(law({ then: { fact: 'after.guarantea', operator: 'equal', value: 'void' } }));
    const [issue, ...rest] = issuesOf(text);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      file: '/laws/mine.json',
      line: lineOf(text, 'after.guarantea'),
      path: 'laws[0].then.fact',
      message: 'unknown fact "after.guarantea"',
    });
    expect(formatIssue(issue!)).toContain('after.guarantee');
  });

  it('a value a fact cannot take is an error naming the values it can', () => {
    const text = lawFile(law({ when: { fact: 'before.agreement', operator: 'equal', value: 'signed' } }));
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ line: lineOf(text, '"signed"'), path: 'laws[0].when.value' });
    expect(issue!.message).toContain('open, concluded or implementing');
  });

  it('a law without points, and a second law of the same name, are both reported at once', () => {
    const issues = issuesOf(lawFile(law({ points: [] }))).concat(issuesOf(lawFile(law(), law())));
    expect(issues.map((i) => i.message)).toEqual([
      'cite at least one plan point, got a list',
      'law name "a-law" is already used in /laws/mine.json',
    ]);
  });

  it('a law may read event facts, readings, data lists and the rules that fired', () => {
    expect(
      issuesOf(
        lawFile(
          law({
            then: {
              all: [
                { fact: 'event.territory', operator: 'notIn', value: { fact: 'russian-territories' } },
                { fact: 'attack-test', operator: 'equal', value: 'large-scale' },
                { fact: 'step.emits', operator: 'contains', value: 'RUSSIAN_ATTACK_QUALIFIES' },
              ],
            },
          }),
        ),
      ),
    ).toEqual([]);
  });
});

describe('casus check proves the bundled laws', () => {
  const report = bundledCheck();
  it.each(report.laws.results.map((l) => [l.name, l] as const))('%s is proved', (_, l) => {
    expect(l.proved).toBe(true);
    expect(l.cases).toBeGreaterThan(0);
    expect(l.applicable).toBeGreaterThan(0);
  });

  it('the bundled laws include the former invariants and the plan points they cite', () => {
    expect(report.laws.results.map((l) => l.name)).toEqual(
      expect.arrayContaining([
        'terminal-statuses-absorb-every-event',
        'reinstated-sanctions-never-ease',
        'benefits-are-never-granted-before-implementation',
        'an-invocation-needs-a-qualifying-attack',
        'an-extension-never-revives-a-terminal-guarantee',
        'no-breach-is-recorded-before-conclusion',
        'no-event-both-invokes-and-ends-the-guarantee',
      ]),
    );
    expect(report.static.find((s) => s.name === 'every declared state of the statechart is reachable')?.ok).toBe(true);
  });
});

describe('a planted false law', () => {
  const root = mkdtempSync(join(tmpdir(), 'casus-laws-'));
  const laws = join(root, 'laws');
  const out = join(root, 'found');
  let report: CheckReport;
  let code: number;

  beforeAll(async () => {
    mkdirSync(laws);
    writeFileSync(join(laws, 'planted.json'), lawFile(PLANTED));
    const io = captureIo();
    code = await main(['check', '--laws', laws, '--out-dir', out, '--format', 'json'], io);
    report = JSON.parse(io.out) as CheckReport;
  }, 120_000);

  it('is reported broken and casus check exits 1', () => {
    expect(code).toBe(1);
    expect(report.laws.results[0]).toMatchObject({ name: PLANTED.name, proved: false });
  });

  it('comes with a shortest timeline, written to --out-dir, that casus run reproduces', async () => {
    const file = join(out, `${PLANTED.name}.yaml`);
    expect(report.laws.results[0]!.counterexample?.file).toBe(file);
    expect(readdirSync(out)).toEqual([`${PLANTED.name}.yaml`]);
    const io = captureIo();
    expect(await main(['run', file, '--format', 'json'], io)).toBe(0);
    const steps = (JSON.parse(io.out) as { steps: Array<{ status: { guarantee: string } }> }).steps;
    const last = steps.length - 1;
    // five signatures conclude it, the sixth step breaks the law: the guarantee leaves in-force
    expect(steps[last - 1]!.status.guarantee).toBe('in-force');
    expect(steps[last]!.status.guarantee).not.toBe('in-force');
    expect(steps.length).toBe(6);
  });

  it('--out-dir replaces its own files but refuses anything else, writing nothing', async () => {
    const theirs = join(root, 'theirs');
    mkdirSync(theirs);
    writeFileSync(join(theirs, `${PLANTED.name}.yaml`), 'my notes\n');
    const io = captureIo();
    expect(await main(['check', '--laws', laws, '--out-dir', theirs], io)).toBe(2);
    expect(io.err).toContain('was not written by casus check');
    expect(readFileSync(join(theirs, `${PLANTED.name}.yaml`), 'utf8')).toBe('my notes\n');
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    expect(await main(['check', '--laws', laws, '--out-dir', file], captureIo())).toBe(2);
    expect(await main(['check', '--laws', laws, '--out-dir', out], captureIo())).toBe(1);
    expect(readdirSync(out)).toEqual([`${PLANTED.name}.yaml`]);
  }, 120_000);
});

describe('the example in docs/testing.md', () => {
  it('is the example test npm test runs, word for word', () => {
    const example = readFileSync('docs/examples/guarantee-laws.test.ts', 'utf8');
    expect(readFileSync('docs/testing.md', 'utf8')).toContain(example.trim());
  });
});
