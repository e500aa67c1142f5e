// npm run bench: every speed casus promises, measured side by
// side in one run; writes bench/results.json, prints the table.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runCheck } from '../check/index.js';
import { loadRuleSet } from '../rules/load.js';
import { runOutcomes } from '../run/runner.js';
import { checkScenario, parseScenario } from '../scenario/load.js';
import { combinations, runMatrix } from '../whatif/matrix.js';
import {
  engineAlone,
  fastPath,
  indexedEngineAlone,
  recordInputs,
  referencePath,
  statechartAlone,
  timeIt,
} from './measure.js';
import { longScenario, longScenarioYaml } from './scenarios.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'dist/cli/bin.js');
const PEER = join(ROOT, 'dist/bench/peer.js');
const PEAK = pathToFileURL(join(ROOT, 'dist/bench/peak.js')).href;
const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    'sim-runs': { type: 'string' },
    'large-events': { type: 'string' },
    'no-suite': { type: 'boolean' },
  },
});
const sizes = (values.sizes ?? '10,1000,10000').split(',').map(Number);
const simRuns = Number(values['sim-runs'] ?? 100_000);
const largeEvents = Number(values['large-events'] ?? 100_000);
const log = (text: string) => process.stderr.write(`${text}\n`);

const ruleSet = loadRuleSet();
const micro = (seconds: number, events: number) => Math.round((seconds / events) * 1e7) / 10;
const ms = (seconds: number) => Math.round(seconds * 1000);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

// 1. per event: json-rules-engine with every rule (as before) and indexed by event type (the reference
// now), the statechart, the runner with explanations on either engine, and the outcomes-only fast path
const layers = [];
for (const n of sizes) {
  log(`${n} events: recording inputs…`);
  const loaded = checkScenario(longScenario(n), ruleSet);
  const inputs = recordInputs(loaded, ruleSet);
  if (JSON.stringify(statechartAlone(inputs)) !== JSON.stringify(inputs.final))
    throw new Error('replaying the machine events did not give the run’s final status');
  const big = n >= 10_000;
  const time = (fn: () => unknown) => timeIt(fn, big ? 0 : 2, big ? 1 : 3);
  log(`${n} events: json-rules-engine, every rule / indexed by event type`);
  const everyRule = await time(() => engineAlone(ruleSet, inputs));
  const indexed = await time(() => indexedEngineAlone(ruleSet, inputs));
  log(`${n} events: statechart, runners, fast path`);
  const statechart = await time(() => statechartAlone(inputs));
  const reference = await time(() => referencePath(loaded, ruleSet, 'reference'));
  const compiled = await time(() => referencePath(loaded, ruleSet, 'compiled'));
  const fast = await time(() => fastPath(loaded, ruleSet));
  layers.push({
    events: n,
    microsecondsPerEvent: {
      everyRule: micro(everyRule, n),
      indexed: micro(indexed, n),
      statechart: micro(statechart, n),
      reference: micro(reference, n),
      compiled: micro(compiled, n),
      fast: micro(fast, n),
    },
    indexSpeedup: ratio(everyRule, indexed),
    compiledOverReference: ratio(reference, compiled),
  });
}

// 2. large inputs, through the real executable, JSON and YAML in
const dir = mkdtempSync(join(tmpdir(), 'casus-bench-'));
const wall = (args: string[], node: string[] = []) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...node, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const peak = /peak-rss (\d+)/.exec(r.stderr)?.[1];
  return {
    seconds: Math.round(seconds * 1000) / 1000,
    ...(peak ? { peakMB: Math.round(Number(peak) / 1048576) } : {}),
  };
};
log(`large: ${largeEvents} events, parsing in process`);
const yamlFile = join(dir, `long-${largeEvents}.yaml`);
const jsonFile = join(dir, `long-${largeEvents}.json`);
writeFileSync(yamlFile, longScenarioYaml(largeEvents));
writeFileSync(jsonFile, `${JSON.stringify(longScenario(largeEvents), null, 2)}\n`);
const yamlText = readFileSync(yamlFile, 'utf8');
const jsonText = readFileSync(jsonFile, 'utf8');
const parsing = {
  yamlLoad: await timeIt(() => parseScenario(yamlFile, yamlText, ruleSet), 0, 1, false),
  jsonLoad: await timeIt(() => parseScenario(jsonFile, jsonText, ruleSet), 0, 1, false),
  jsonParse: await timeIt(() => (JSON.parse(jsonText) as { events: unknown[] }).events.length, 0, 3, false),
};
log(`large: casus run on ${largeEvents} events (JSON in, YAML in)`);
const out = (name: string) => join(dir, name);
const large = {
  events: largeEvents,
  jsonInJsonOut: wall(['--import', PEAK, BIN, 'run', jsonFile, '--format', 'json', '--out', out('a.json')]),
  yamlInJsonOut: wall(['--import', PEAK, BIN, 'run', yamlFile, '--format', 'json', '--out', out('b.json')]),
  jsonInText: wall(['--import', PEAK, BIN, 'run', jsonFile, '--out', out('c.txt')]),
  yamlInText: wall(['--import', PEAK, BIN, 'run', yamlFile, '--out', out('d.txt')]),
  parsing: {
    yamlLoadSeconds: Math.round(parsing.yamlLoad * 1000) / 1000,
    jsonLoadSeconds: Math.round(parsing.jsonLoad * 1000) / 1000,
    jsonParseSeconds: Math.round(parsing.jsonParse * 1000) / 1000,
  },
};
rmSync(out('a.json'), { force: true });
rmSync(out('b.json'), { force: true });

// 3. cold start, interleaved so the three see the same load
log('cold start: casus run on 10 events, the minimal peer script and bare node, 9 rounds');
const small = join(dir, 'long-10.yaml');
writeFileSync(small, longScenarioYaml(10));
const starts = { casus: [] as number[], peer: [] as number[], node: [] as number[] };
for (let i = 0; i < 9; i++) {
  starts.node.push(wall(['-e', '0']).seconds);
  starts.peer.push(wall([PEER, small, join(ROOT, 'rules')]).seconds);
  starts.casus.push(wall([BIN, 'run', small]).seconds);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const coldStart = {
  rounds: 9,
  medianMs: { casus: ms(median(starts.casus)), peer: ms(median(starts.peer)), node: ms(median(starts.node)) },
  casusOverPeer: ratio(median(starts.casus), median(starts.peer)),
};

// 4. matrix (the search over open readings against one run per combination) and check
log('matrix: a 50-event scenario under every combination of readings');
const fifty = checkScenario(longScenario(50), ruleSet);
const names = ruleSet.settings.interpretations.map((i) => i.name);
const combos = combinations(
  Object.fromEntries(ruleSet.settings.interpretations.map((i) => [i.name, i.readings.map((r) => r.value)])),
  names,
);
const matrixSeconds = await timeIt(() => runMatrix(fifty, ruleSet), 1, 3);
const everyCombination = await timeIt(
  () => {
    for (const c of combos) runOutcomes(fifty, ruleSet, { set: c });
  },
  1,
  3,
);
const matrix = {
  events: 50,
  combinations: combos.length,
  seconds: Math.round(matrixSeconds * 1000) / 1000,
  oneRunPerCombinationSeconds: Math.round(everyCombination * 1000) / 1000,
  oneRunPerCombinationAt2304Seconds: Math.round((everyCombination / combos.length) * 2304 * 1000) / 1000,
};
log('check: the whole input domain, every reading and reachable status');
const check = {
  seconds: Math.round((await timeIt(() => runCheck(ruleSet), 0, 1, false)) * 1000) / 1000,
  ok: runCheck(ruleSet).ok,
};

// 5. simulate
log(`simulate: ${simRuns} ten-year runs of models/baseline.yaml`);
const simulation = {
  runs: simRuns,
  ...wall([
    BIN,
    'simulate',
    'models/baseline.yaml',
    '--runs',
    String(simRuns),
    '--format',
    'json',
    '--out',
    out('sim.json'),
  ]),
};
rmSync(dir, { recursive: true, force: true });

// 6. the test suite as a contributor runs it (build, type check, lint, vitest), unless --no-suite
let suite: { seconds: number } | undefined;
if (!values['no-suite']) {
  log('npm test: the whole suite, build and lint included');
  const t0 = performance.now();
  const r = spawnSync('npm', ['test'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`npm test failed:\n${r.stdout.slice(-4000)}${r.stderr.slice(-4000)}`);
  suite = { seconds: Math.round(performance.now() - t0) / 1000 };
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 1e9),
  freeGB: Math.round(freemem() / 1e9),
  node: process.version,
};
const results = { machine, layers, large, coldStart, matrix, check, simulation, ...(suite ? { suite } : {}) };
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const row = (what: string, now: string, against: string, verdict: string) =>
  `${what.padEnd(46)} ${now.padStart(16)}  ${against.padEnd(30)} ${verdict}`;
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const run = (r: { seconds: number; peakMB?: number }) => `${r.seconds} s, ${r.peakMB} MB`;
const lines = [`casus bench · ${machine.cpu} · ${machine.cores} cores · Node ${machine.node}`, ''];
lines.push(row('what', 'now', 'the peer or the limit', ''));
lines.push(
  row(
    `run, ${largeEvents.toLocaleString('en-US')} events, JSON in, JSON out`,
    run(large.jsonInJsonOut),
    '≤ 2 s, ≤ 256 MB',
    mark(large.jsonInJsonOut.seconds <= 2 && large.jsonInJsonOut.peakMB! <= 256),
  ),
);
lines.push(
  row(
    '  the same, YAML in',
    run(large.yamlInJsonOut),
    '≤ 4 s, ≤ 256 MB',
    mark(large.yamlInJsonOut.seconds <= 4 && large.yamlInJsonOut.peakMB! <= 256),
  ),
);
lines.push(
  row(
    '  JSON in, text out',
    run(large.jsonInText),
    '≤ 2 s, ≤ 256 MB',
    mark(large.jsonInText.seconds <= 2 && large.jsonInText.peakMB! <= 256),
  ),
);
lines.push(
  row(
    '  YAML in, text out',
    run(large.yamlInText),
    '≤ 4 s, ≤ 256 MB',
    mark(large.yamlInText.seconds <= 4 && large.yamlInText.peakMB! <= 256),
  ),
);
lines.push(
  row(
    '  reading and validating the YAML alone',
    `${large.parsing.yamlLoadSeconds} s`,
    `JSON.parse ${large.parsing.jsonParseSeconds} s`,
    `×${ratio(large.parsing.yamlLoadSeconds, large.parsing.jsonParseSeconds)}`,
  ),
);
lines.push(
  row(
    '  reading and validating the JSON alone',
    `${large.parsing.jsonLoadSeconds} s`,
    `JSON.parse ${large.parsing.jsonParseSeconds} s`,
    `×${ratio(large.parsing.jsonLoadSeconds, large.parsing.jsonParseSeconds)}`,
  ),
);
lines.push(
  row(
    'run, 10 events, whole process (median of 9)',
    `${coldStart.medianMs.casus} ms`,
    `peer ${coldStart.medianMs.peer} ms, node ${coldStart.medianMs.node} ms`,
    `×${coldStart.casusOverPeer} of the peer (≤ 1.3): ${mark(coldStart.casusOverPeer <= 1.3)}`,
  ),
);
for (const l of layers) {
  const u = l.microsecondsPerEvent;
  lines.push(
    row(
      `json-rules-engine per event, ${l.events.toLocaleString('en-US')} events`,
      `${u.indexed} µs`,
      `every rule: ${u.everyRule} µs`,
      `×${l.indexSpeedup} faster (≥ 5): ${mark(l.indexSpeedup >= 5)}`,
    ),
  );
  lines.push(
    row(
      `  run with explanations, compiled`,
      `${u.compiled} µs`,
      `json-rules-engine: ${u.reference} µs`,
      `×${l.compiledOverReference} faster`,
    ),
  );
}
lines.push(
  row(
    `matrix, 50 events × ${matrix.combinations} combinations`,
    `${matrix.seconds} s`,
    '≤ 1 s',
    `${mark(matrix.seconds <= 1)}; one run each: ${matrix.oneRunPerCombinationSeconds} s ` +
      `(${matrix.oneRunPerCombinationAt2304Seconds} s at 2,304)`,
  ),
);
lines.push(
  row(
    `simulate, ${simRuns.toLocaleString('en-US')} ten-year runs`,
    `${simulation.seconds} s`,
    '≤ 15 s',
    mark(simulation.seconds <= 15),
  ),
);
if (suite) lines.push(row('npm test', `${suite.seconds} s`, '≤ 60 s', mark(suite.seconds <= 60)));
lines.push(row('check over the whole domain (in process)', `${check.seconds} s`, '', check.ok ? 'ok' : 'check failed'));
lines.push('', 'wrote bench/results.json');
process.stdout.write(`${lines.join('\n')}\n`);
