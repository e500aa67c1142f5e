// Hostile input, second round: what --out may replace, how much work one input may cause, text that would drive a
// terminal, names that would reach Object.prototype, signals, and the library called with the wrong arguments.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as casusLibrary from '../src/index.js';
import { main } from '../src/cli/main.js';
import { InputError } from '../src/issues/issue.js';
import { safeText, terminalText } from '../src/render/safeText.js';
import { parseModel } from '../src/simulate/model.js';
import { timelineOf } from '../src/simulate/timeline.js';
import { captureIo, pattern, ruleSet, slow } from './helpers.js';

const BIN = resolve('dist/cli/bin.js');
const RULES = resolve('rules');
const SCENARIO = resolve('scenarios/renewed-offensive-invokes-the-guarantee.yaml');
const OPEN = resolve('scenarios/a-strike-on-moscow-of-disputed-cause-has-two-outcomes.yaml');
const MODEL = resolve('models/baseline.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'casus-bounds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = async (argv: string[], options: { isTTY?: boolean; env?: Record<string, string> } = {}) => {
  const io = captureIo(options);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};
/** casus in this process, printing what the executable prints (tests/hostile.test.ts holds it to that). */
const casus = async (args: string[]) => {
  const r = await cli(args, { env: { NO_COLOR: '1' } });
  return { status: r.code, stdout: r.out, stderr: r.err };
};
const spawnCasus = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: 60_000,
    // room for the 8 MB a run of the alias case prints: past maxBuffer the child is killed, if it has not exited yet
    maxBuffer: 1 << 26,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });

/** What is at a path, as far as --out could have changed it. */
const state = (path: string) => {
  const s = lstatSync(path);
  return {
    mode: s.mode,
    rdev: s.rdev,
    ino: s.ino,
    size: s.size,
    mtime: s.mtimeMs,
    link: s.isSymbolicLink() ? readlinkSync(path) : null,
  };
};
const isRoot = process.getuid?.() === 0;

describe('--out writes only a regular file or a new path', () => {
  const refused = async (args: string[], path: string, message: RegExp) => {
    const before = state(path);
    const r = await casus(args);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(state(path)).toEqual(before);
    expect(readdirSync(resolve(path, '..')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  };

  it('a FIFO made with mkfifo is refused and stays a FIFO', async () => {
    const fifo = join(tmp, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await refused(
      ['run', SCENARIO, '--out', fifo],
      fifo,
      /is a named pipe \(FIFO\); casus writes only a regular file or a new one/,
    );
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it.skipIf(!isRoot)(
    'a character device made with mknod (as root, like /dev/null) is refused and stays a device',
    async () => {
      const device = join(tmp, 'null-device');
      expect(spawnSync('mknod', [device, 'c', '1', '3']).status).toBe(0);
      await refused(
        ['run', SCENARIO, '--out', device, '--format', 'html'],
        device,
        /is a device; casus writes only a regular file/,
      );
      expect(lstatSync(device).isCharacterDevice()).toBe(true);
    },
  );

  it('a socket is refused', async () => {
    const socket = join(tmp, 'report.sock');
    const server = createServer();
    await new Promise<void>((done) => server.listen(socket, done));
    try {
      await refused(['run', SCENARIO, '--out', socket], socket, /is a socket/);
    } finally {
      server.close();
    }
  });

  it('a symbolic link is refused: neither the link nor its target changes', async () => {
    const target = join(tmp, 'target.txt');
    writeFileSync(target, 'keep me');
    const link = join(tmp, 'report-link.html');
    symlinkSync(target, link);
    await refused(
      ['run', SCENARIO, '--out', link, '--format', 'html'],
      link,
      /is a symbolic link \(casus would replace the link, not write to its target\)/,
    );
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('a directory is refused', async () => {
    await refused(['run', SCENARIO, '--out', tmp], tmp, /is a directory/);
  });

  it('a file of the rule set in use is refused, bundled or named by --rules, and a new file among them', async () => {
    await refused(
      ['run', SCENARIO, '--out', join(RULES, 'clauses.json')],
      join(RULES, 'clauses.json'),
      /is inside the rule set in use/,
    );
    const copy = join(tmp, 'rules-copy');
    cpSync(RULES, copy, { recursive: true });
    await refused(
      ['run', SCENARIO, '--rules', copy, '--out', join(copy, 'clauses.json')],
      join(copy, 'clauses.json'),
      /is inside the rule set in use/,
    );
    const r = await casus(['run', SCENARIO, '--rules', copy, '--out', join(copy, 'extra.json'), '--format', 'json']);
    expect(r.status).toBe(2);
    expect(existsSync(join(copy, 'extra.json'))).toBe(false);
    expect(readdirSync(copy).sort()).toEqual(readdirSync(RULES).sort());
  });

  it('the model and the input are refused', async () => {
    const model = join(tmp, 'model.yaml');
    cpSync(MODEL, model);
    await refused(['simulate', model, '--runs', '10', '--out', model], model, /is the input file/);
    const scenario = join(tmp, 'scenario.yaml');
    cpSync(SCENARIO, scenario);
    await refused(['run', scenario, '--out', scenario], scenario, /is the input file/);
  });

  it('a new path and an existing regular file are written', async () => {
    const out = join(tmp, 'written.md');
    expect((await casus(['run', SCENARIO, '--format', 'md', '--out', out])).status).toBe(0);
    expect((await casus(['run', SCENARIO, '--format', 'md', '--out', out])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('invoked');
  });
});

describe('work per input is bounded, not only bytes', () => {
  slow('a 2 MB source reused by 98 aliases (198 MB of text) is refused at once, naming the limit', () => {
    const file = join(tmp, 'alias-expansion.yaml');
    const events = Array.from(
      { length: 98 },
      () => '  - { at: 2026-01-10, type: signature, party: UA, source: *s }\n',
    ).join('');
    writeFileSync(
      file,
      `scenario: alias-expansion\ntitle: y\nevents:\n` +
        `  - { at: 2026-01-10, type: signature, party: UA, source: &s "${'x'.repeat(2 * 1024 * 1024)}" }\n${events}`,
    );
    for (const format of ['html', 'md']) {
      const r = spawnCasus(['run', file, '--format', format]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/:1:1: expands to more than 16 MB of text once its aliases \(\*name\) are filled in/);
    }
  });

  it('aliases that stay within 16 MB of text are read', async () => {
    const file = join(tmp, 'alias-within.yaml');
    writeFileSync(
      file,
      `scenario: alias-within\ntitle: y\nevents:\n` +
        `  - { at: 2026-01-10, type: signature, party: UA, source: &s "${'x'.repeat(1024 * 1024)}" }\n` +
        `${'  - { at: 2026-01-10, type: signature, party: RU, source: *s }\n'.repeat(7)}`,
    );
    expect((await casus(['run', file])).status).toBe(0);
  });

  it(
    'an output over CASUS_MAX_OUTPUT_MB stops with a message naming the limit and how to raise it; ' +
      '--out keeps nothing',
    async () => {
      const out = join(tmp, 'limited.html');
      for (const format of ['html', 'md', 'text']) {
        const r = await cli(['run', SCENARIO, '--format', format, '--out', out], { env: { CASUS_MAX_OUTPUT_MB: '1' } });
        expect(r.code).toBe(0);
      }
      const big = join(tmp, 'long-source.yaml');
      writeFileSync(
        big,
        `scenario: long-source\ntitle: y\nevents:\n` +
          `${`  - { at: 2026-01-10, type: signature, party: UA, source: "${'y'.repeat(300_000)}" }\n`.repeat(8)}`,
      );
      const over = join(tmp, 'over-the-limit.html');
      for (const format of ['html', 'md', 'json']) {
        const r = await cli(['run', big, '--format', format, '--out', over], { env: { CASUS_MAX_OUTPUT_MB: '1' } });
        expect(r.code, r.err).toBe(2);
        expect(r.err).toMatch(
          /the output is over the limit of 1 MB \(CASUS_MAX_OUTPUT_MB\)[\s\S]*CASUS_MAX_OUTPUT_MB=2/,
        );
        expect(existsSync(over)).toBe(false);
        expect(readdirSync(tmp).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      }
      const bad = await cli(['run', SCENARIO], { env: { CASUS_MAX_OUTPUT_MB: 'lots' } });
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/CASUS_MAX_OUTPUT_MB=lots: expected a whole number/);
    },
  );

  slow('casus check on 400 added rules stops within its bounds and prints at most a few hundred lines', () => {
    const dir = join(tmp, 'rules-400');
    cpSync(RULES, dir, { recursive: true });
    const rules = readdirSync(RULES)
      .filter(
        (f) =>
          f.endsWith('.json') && !['clauses.json', 'settings.json', 'gazetteer.json', 'ambiguities.json'].includes(f),
      )
      .flatMap((f) => (JSON.parse(readFileSync(join(RULES, f), 'utf8')) as { rules: Array<{ name: string }> }).rules);
    const extra = Array.from({ length: 400 }, (_, i) => ({ ...rules[i % rules.length]!, name: `added-${i}` }));
    writeFileSync(
      join(dir, 'added.json'),
      JSON.stringify({ family: 'added', description: 'copies of the bundled rules', rules: extra }),
    );
    const r = spawnCasus(['check', '--rules', dir]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.length).toBeLessThan(400);
    expect(r.stdout).toMatch(/… and [\d,]+ more overlaps \(--format json lists them all\)/);
    const bounded = spawnCasus(['check', '--rules', dir], { CASUS_CHECK_MAX_PAIRS: '10' });
    expect(bounded.status).toBe(1);
    expect(bounded.stdout).toMatch(
      pattern(
        /stopped at the limit of 10 pairs of rules: 10 of [\d,]+ pairs with\s+incompatible outcomes examined/,
        /[\s\S]*CASUS_CHECK_MAX_PAIRS=100/,
      ),
    );
    expect(bounded.stdout).toMatch(/the search for overlaps incomplete/);
    const nodes = spawnCasus(['check', '--rules', dir, '--format', 'json'], { CASUS_CHECK_MAX_NODES: '1000' });
    expect((JSON.parse(nodes.stdout) as { stopped: { bound: string; limit: number } }).stopped).toMatchObject({
      bound: 'nodes',
      limit: 1000,
    });
  });

  it('--workers beyond the cores is clamped to them, and said so', async () => {
    const r = await cli(['simulate', MODEL, '--runs', '20', '--workers', '1000', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/--workers 1000 is more than the \d+ cores here; using \d+/);
    const one = await cli(['simulate', MODEL, '--runs', '20', '--workers', '1', '--format', 'json']);
    expect(r.out).toBe(one.out);
  });
});

describe('simulation weights', () => {
  const model = (weights: string) =>
    `model: weights\ntitle: Weights\nstart: 2026-01-10\nyears: 1\nopening:\n` +
    `  - { after: 0, event: { type: armed-attack, by: RU, against: UA, scale: limited, ` +
    `deliberate: { oneOf: [true, false], weights: ${weights} } } }\nevents:\n` +
    `  - { kind: quiet, probability: 0, per: year, event: { type: hostilities-ended } }\n`;
  const share = (weights: string) => {
    const loaded = parseModel('weights.yaml', model(weights), ruleSet);
    const runs = 2000;
    let yes = 0;
    for (let run = 0; run < runs; run++)
      if ((timelineOf(loaded, 1, run).scenario.events[0] as { deliberate?: boolean }).deliberate === true) yes++;
    return yes / runs;
  };

  it('weights of 1e308 each are normalised, not summed to Infinity: about half and half', () => {
    expect(share('[1e308, 1e308]')).toBeGreaterThan(0.45);
    expect(share('[1e308, 1e308]')).toBeLessThan(0.55);
  });

  it('weights of 5e-324 each (the smallest numbers) are about half and half too', () => {
    expect(share('[5e-324, 5e-324]')).toBeGreaterThan(0.45);
  });

  it('an infinite weight is refused at its line', () => {
    expect(() => parseModel('weights.yaml', model('[.inf, 1]'), ruleSet)).toThrow(
      /weights\.yaml:6:\d+: .*weights\[0\]: expected a number, got infinity/,
    );
  });
});

/** Control characters and bidi overrides that set the window title, clear the screen, and reorder a line. */
const HOSTILE = '\\e]0;pwned\\a\\e[2J\\e[H\\x9b31m\\u202egnpexe\\u2066\\r\\x7f';
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const OWN_COLOUR = /\u001b\[(?:0|1|2|22|3[0-7]|39)m/g;

describe('text from an input never reaches the terminal raw', () => {
  const scenario = join(tmp, 'hostile-text.yaml');
  writeFileSync(
    scenario,
    readFileSync(OPEN, 'utf8')
      .replace(/^title: .*$/m, `title: "Title ${HOSTILE}"`)
      .replaceAll('moscow-strike', `moscow${HOSTILE}`)
      .replace('source: "conflicting', `note: "note ${HOSTILE}", source: "conflicting ${HOSTILE}`),
  );
  // the id holds escapes, so it must be a quoted string in flow YAML and in the expectations' keys
  writeFileSync(
    scenario,
    readFileSync(scenario, 'utf8')
      .replace(/id: (moscow[^,]*),/, 'id: "$1",')
      .replace(/\{ (moscow[^:]*\.justified): /g, '{ "$1": '),
  );
  const closed = join(tmp, 'hostile-closed.yaml');
  writeFileSync(
    closed,
    readFileSync(SCENARIO, 'utf8')
      .replace(/^title: .*$/m, `title: "Title ${HOSTILE}"`)
      .replace(/^scenario: .*$/m, 'scenario: hostile-closed'),
  );
  const model = join(tmp, 'hostile-model.yaml');
  writeFileSync(model, readFileSync(MODEL, 'utf8').replace(/^title: .*$/m, `title: "Model ${HOSTILE}"`));
  const rules = join(tmp, 'hostile-rules');
  cpSync(RULES, rules, { recursive: true });
  const clauses = JSON.parse(readFileSync(join(rules, 'clauses.json'), 'utf8')) as {
    clauses: Array<{ title: string; paraphrase: string }>;
  };
  const decoded = JSON.parse(
    `"${HOSTILE.replace(/\\e/g, '\\u001b')
      .replace(/\\a/g, '\\u0007')
      .replace(/\\x(..)/g, '\\u00$1')}"`,
  ) as string;
  for (const c of clauses.clauses) {
    c.title = `${c.title} ${decoded}`;
    c.paraphrase = `${c.paraphrase} ${decoded}`;
  }
  writeFileSync(join(rules, 'clauses.json'), JSON.stringify(clauses, null, 2));

  const commands: Array<[string, string[]]> = [
    ['run (text, both branches, facts open)', ['run', scenario]],
    ['run --format md', ['run', closed, '--format', 'md']],
    ['run --format html', ['run', closed, '--format', 'html']],
    ['run --format json', ['run', closed, '--format', 'json']],
    ['run with hostile clause titles', ['run', closed, '--rules', rules]],
    ['explain', ['explain', closed, '--rules', rules]],
    ['explain of an open fact (an error naming the id)', ['explain', scenario]],
    ['explain --assume the hostile id', ['explain', scenario, '--assume', `moscow${decoded}.justified=true`]],
    ['matrix', ['matrix', closed, '--only', 'attack-test']],
    ['sweep', ['sweep', closed, '--param', 'force-cap=100000,600000']],
    ['compare', ['compare', closed, '--plan', 'us-28', '--plan', 'ua-20']],
    ['simulate', ['simulate', model, '--runs', '20']],
    ['clauses', ['clauses', '--rules', rules]],
    ['test', ['test', scenario, closed]],
    ['diagram', ['diagram', closed]],
    ['check', ['check', '--rules', rules]],
    ['an unknown command', [`run${decoded}`]],
    ['an unknown option', ['run', closed, `--${decoded}`]],
  ];

  it.each(commands)('%s', async (_, argv) => {
    for (const isTTY of [false, true]) {
      const r = await cli(argv, { isTTY });
      const all = `${r.out}${r.err}`;
      expect(all.length, r.err).toBeGreaterThan(0);
      expect(r.code, r.err).not.toBe(70);
      const withoutOwnColours = isTTY ? all.replace(OWN_COLOUR, '') : all;
      expect(withoutOwnColours).not.toMatch(UNSAFE);
    }
  });

  it('the escapes are shown, not dropped: the title reads with visible \\u001b and \\u202e', async () => {
    const r = await cli(['run', closed]);
    expect(r.out).toContain('Title \\u001b]0;pwned\\u0007\\u001b[2J\\u001b[H\\u009b31m\\u202egnpexe\\u2066\\r\\u007f');
    const json = await cli(['run', closed, '--format', 'json']);
    // in JSON the escapes are JSON's own: the value read back is the title as written
    expect(JSON.stringify(JSON.parse(json.out))).toContain(JSON.stringify(`Title ${decoded}`));
  });

  it('--format md, html, text and json written with --out hold no raw control characters either', async () => {
    for (const format of ['md', 'html', 'text', 'json']) {
      const out = join(tmp, `safe.${format}`);
      expect((await cli(['run', closed, '--format', format, '--out', out])).code).toBe(0);
      expect(readFileSync(out, 'utf8')).not.toMatch(UNSAFE);
    }
  });

  it("safeText keeps line breaks only when asked; terminalText keeps only casus's own colours", () => {
    expect(safeText('a\nb\u001b[2J')).toBe('a\\nb\\u001b[2J');
    expect(safeText('a\nb\tc\u202e', true)).toBe('a\nb\tc\\u202e');
    expect(terminalText('\u001b[1mbold\u001b[0m \u001b]0;x\u0007', true)).toBe(
      '\u001b[1mbold\u001b[0m \\u001b]0;x\\u0007',
    );
    expect(terminalText('\u001b[1mbold\u001b[0m', false)).toBe('\\u001b[1mbold\\u001b[0m');
  });
});

describe('names, ids, dates, signals and arguments', () => {
  it.each([
    [['run', SCENARIO, '--set', '__proto__=x'], /--set __proto__=x: expected name=value, the name in kebab-case/],
    [
      ['run', SCENARIO, '--set', 'constructor=1'],
      /--set constructor=1: unknown interpretation or parameter "constructor"/,
    ],
    [['run', OPEN, '--assume', '__proto__=true'], /--assume __proto__=true: expected EVENT-ID\.FIELD=true or =false/],
    [
      ['run', OPEN, '--assume', '__proto__.justified=true'],
      /--assume __proto__\.justified=true: expected EVENT-ID\.FIELD/,
    ],
    [['run', OPEN, '--assume', 'moscow-strike.polluted=true'], /FIELD one of crossesLine/],
  ])('%j is a usage error', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(Object.prototype).not.toHaveProperty('x');
  });

  it('--assume still takes an event id and an automatic name line-N', async () => {
    expect((await cli(['explain', OPEN, '--assume', 'moscow-strike.justified=false'])).code).toBe(0);
  });

  it("a term ending past 9999-12-31 is labelled as held at the calendar's last day, in every report", async () => {
    for (const format of ['text', 'md', 'html']) {
      const r = await cli(['run', SCENARIO, '--set', 'term-years=100000', '--format', format]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('9999-12-31 (or later: the last date casus represents)');
    }
    expect((await cli(['explain', SCENARIO, '--set', 'term-years=100000'])).out).toMatch(
      /9999-12-31 \(or later: the last date\s+casus represents\)/,
    );
  });

  it('sweep with --param twice is an error, not the last one silently', async () => {
    const r = await cli(['sweep', SCENARIO, '--param', 'force-cap=1..3', '--param', 'term-years=1..3']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/casus sweep varies one parameter; --param was given 2 times/);
  });

  slow(
    'SIGHUP during --out removes the temporary file and leaves no output, like SIGTERM',
    async () => {
      const dir = join(tmp, 'hangup');
      mkdirSync(dir);
      const input = join(dir, 'long.yaml');
      const day = (i: number) => new Date(Date.UTC(2027, 0, 1) + i * 3_600_000).toISOString().slice(0, 10);
      const events = Array.from(
        { length: 60_000 },
        (_, i) => `  - { at: ${day(i)}, type: force-level-reported, party: UA, personnel: ${500_000 + (i % 7)} }\n`,
      ).join('');
      const signatures = ['UA', 'RU', 'US', 'EU', 'NATO'].map(
        (p) => `  - { at: 2026-01-10, type: signature, party: ${p} }\n`,
      );
      writeFileSync(input, `scenario: long\ntitle: Long\nevents:\n${signatures.join('')}${events}`);
      const out = join(dir, 'report.html');
      for (const [signal, code] of [
        ['SIGHUP', 129],
        ['SIGTERM', 143],
      ] as const) {
        const child = spawn(process.execPath, [BIN, 'run', input, '--format', 'json', '--out', out], {
          cwd: dir,
          stdio: 'ignore',
        });
        const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
        const started = Date.now();
        while (!readdirSync(dir).some((n) => n.endsWith('.tmp')) && Date.now() - started < 30_000)
          await new Promise((r) => setTimeout(r, 20));
        expect(
          readdirSync(dir).some((n) => n.endsWith('.tmp')),
          'the run never began writing',
        ).toBe(true);
        child.kill(signal);
        expect(await exited).toBe(code);
        expect(readdirSync(dir).sort()).toEqual(['long.yaml']);
      }
    },
    90_000,
  );

  it('library entry points check their arguments and throw InputError, not TypeError', async () => {
    const loaded = casusLibrary.loadScenario(SCENARIO, ruleSet);
    const wrong: Array<[() => unknown, RegExp]> = [
      [
        () => casusLibrary.loadScenario(42 as unknown as string, ruleSet),
        /loadScenario: file must be a string, got number 42/,
      ],
      [() => casusLibrary.loadRuleSet({} as unknown as string), /loadRuleSet: dir must be a string or undefined/],
      [
        () => casusLibrary.parseScenario('x.yaml', null as unknown as string, ruleSet),
        /parseScenario: text must be a string, got null/,
      ],
      [() => casusLibrary.runScenario(loaded, {} as typeof ruleSet), /runScenario: ruleSet must be a rule set/],
      [
        () => casusLibrary.runScenario(null as unknown as typeof loaded, ruleSet),
        /runScenario: scenario must be a scenario from loadScenario/,
      ],
      [
        () => casusLibrary.runScenario(loaded, ruleSet, { set: 5 } as unknown as object),
        /runScenario: options\.set must be an object of string values/,
      ],
      [
        () => casusLibrary.runScenario(loaded, ruleSet, { engine: 'fast' } as unknown as object),
        /options\.engine must be "reference" or "compiled"/,
      ],
      [
        () => casusLibrary.markdownReport(undefined as unknown as never),
        /markdownReport: trace must be a trace from runScenario/,
      ],
      [() => casusLibrary.textLines({} as never, { colour: false }), /textLines: trace must be a trace/],
      [() => casusLibrary.explain('trace' as never), /explain: trace must be a trace/],
      [() => casusLibrary.parseOverrides('a=b' as unknown as string[]), /parseOverrides: pairs must be a list/],
      [
        () => casusLibrary.runSweep(loaded, ruleSet, 'force-cap', [1, Number.NaN]),
        /runSweep: values must be a list of numbers/,
      ],
      [
        () => casusLibrary.assume(loaded, { 'x.justified': 'yes' } as unknown as Record<string, boolean>),
        /assume: assumptions must be an object of boolean values/,
      ],
      [
        () => casusLibrary.compareTraces({ label: 'a' } as never, { label: 'b' } as never),
        /compareTraces: left\.trace must be a trace/,
      ],
      [() => casusLibrary.runCheck(undefined as never), /runCheck: ruleSet must be a rule set/],
    ];
    for (const [call, message] of wrong) {
      let error: unknown;
      try {
        await call();
      } catch (e) {
        error = e;
      }
      expect(error, String(message)).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('a loaded scenario changed after loading is validated again: an unknown event type is an InputError', async () => {
    const loaded = casusLibrary.loadScenario(SCENARIO, ruleSet);
    const changed = structuredClone(loaded);
    (changed.scenario.events[0] as { type: string }).type = 'alien-landing';
    await expect(casusLibrary.runScenario(changed, ruleSet)).rejects.toThrow(
      /events\[0\]\.type: unknown type "alien-landing"/,
    );
    await expect(casusLibrary.runScenario(changed, ruleSet)).rejects.toBeInstanceOf(InputError);
    expect((await casusLibrary.runScenario(loaded, ruleSet)).final.guarantee).toBe('invoked');
  });
});

/**
 * The page's own modules, loaded through vitest (they are typed
 * against the DOM and vite, outside this project's tsconfig).
 */
type InputIssueLike = { message: string };
const pageModule = <T>(path: string): Promise<T> => import(resolve(path)) as Promise<T>;
const url = () =>
  pageModule<{
    packText(t: string): Promise<string>;
    unpackText(p: string): Promise<string>;
    decodeState(h: string): Promise<{ state: { scenario?: unknown }; problem?: string }>;
  }>('web/src/url.ts');
const engine = () =>
  pageModule<{
    parse(file: string, text: string, rules: typeof ruleSet): { ok: true } | { ok: false; issues: InputIssueLike[] };
  }>('web/src/engine.ts');

describe("the page holds share links and edits to the CLI's size", () => {
  it('a link that inflates past 16 MB is stopped there and said so', async () => {
    const { packText, unpackText, decodeState } = await url();
    const packed = await packText(`scenario: x\ntitle: y\ndescription: ${'z'.repeat(17 * 1024 * 1024)}\n`);
    expect(packed.length).toBeLessThan(100_000);
    await expect(unpackText(packed)).rejects.toThrow(/at most 16 MB \(16777216 bytes\) is read from a link/);
    const { state: from, problem } = await decodeState(`#yaml=${packed}`);
    expect(from.scenario).toBeUndefined();
    expect(problem).toMatch(/at most 16 MB .* is read from a link; showing another one/);
    expect(await unpackText(await packText('scenario: x\n'))).toBe('scenario: x\n');
  });

  it('an edit over 16 MB is refused like a file of that size', async () => {
    const { parse } = await engine();
    const result = parse('edit.yaml', `scenario: x\ntitle: y\ndescription: ${'é'.repeat(9 * 1024 * 1024)}\n`, ruleSet);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]!.message).toMatch(/the scenario is 18\.0 MB .*at most 16 MB/);
  });
});
