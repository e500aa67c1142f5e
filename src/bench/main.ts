// npm run bench: events per second of each layer, the fast path's speed-up, check, matrix, scale, cold start, simulation; one process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadRuleSet } from '../rules/load.js';
import { checkScenario } from '../scenario/load.js';
import { runCheck } from '../check/index.js';
import { runMatrix } from '../whatif/matrix.js';
import { engineAlone, fastPath, recordInputs, referencePath, statechartAlone, timeIt } from './measure.js';
import { longScenario, longScenarioYaml } from './scenarios.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'dist/cli/bin.js');
const PEAK = join(ROOT, 'dist/bench/peak.js');
const { values } = parseArgs({ options: { sizes: { type: 'string' }, 'sim-runs': { type: 'string' } } });
const sizes = (values.sizes ?? '10,1000,10000,100000').split(',').map(Number);
const simRuns = Number(values['sim-runs'] ?? 100_000);
const log = (text: string) => process.stderr.write(`${text}\n`);

const ruleSet = loadRuleSet();
const rate = (events: number, seconds: number) => Math.round(events / seconds);
const micro = (seconds: number, events: number) => Math.round((seconds / events) * 1e7) / 10;

const layers = [];
for (const n of sizes) {
  log(`${n} events: recording inputs…`);
  const loaded = checkScenario(longScenario(n), ruleSet);
  const inputs = recordInputs(loaded, ruleSet);
  if (JSON.stringify(statechartAlone(inputs)) !== JSON.stringify(inputs.final)) throw new Error('replaying the machine events did not give the run’s final status');
  const big = n >= 100_000;
  const time = (fn: () => unknown) => timeIt(fn, big ? 0 : 2, big ? 1 : 3, !big);
  log(`${n} events: (a) json-rules-engine alone`);
  const a = await time(() => engineAlone(ruleSet, inputs));
  log(`${n} events: (b) statechart alone`);
  const b = await time(() => statechartAlone(inputs));
  log(`${n} events: (c) reference runner`);
  const c = await time(() => referencePath(loaded, ruleSet));
  log(`${n} events: (d) fast path`);
  const d = await time(() => fastPath(loaded, ruleSet));
  const full = await time(() => referencePath(loaded, ruleSet, 'compiled'));
  layers.push({
    events: n,
    steps: inputs.facts.length,
    machineEvents: inputs.machineEvents.length,
    seconds: { engine: a, statechart: b, reference: c, fast: d, compiledWithExplanations: full },
    eventsPerSecond: { engine: rate(n, a), statechart: rate(n, b), reference: rate(n, c), fast: rate(n, d), compiledWithExplanations: rate(n, full) },
    microsecondsPerEvent: { reference: micro(c, n), fast: micro(d, n) },
    referenceOverEngines: Math.round((c / (a + b)) * 100) / 100,
    fastOverReference: Math.round((c / d) * 10) / 10,
  });
}

log('check: the whole input domain, every reading and reachable status (in process, after loading)');
const checkSeconds = await timeIt(() => runCheck(ruleSet), 0, 3, false);
const check = { seconds: Math.round(checkSeconds * 1000) / 1000, ok: runCheck(ruleSet).ok };

log('matrix: a 50-event scenario under all 96 combinations of readings');
const fifty = checkScenario(longScenario(50), ruleSet);
const matrixSeconds = await timeIt(() => runMatrix(fifty, ruleSet), 1, 3);
const matrix = { events: 50, runs: (await runMatrix(fifty, ruleSet)).runs, seconds: Math.round(matrixSeconds * 1000) / 1000 };

const dir = mkdtempSync(join(tmpdir(), 'casus-bench-'));
const wall = (args: string[], node: string[] = []) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...node, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const peak = /peak-rss (\d+)/.exec(r.stderr)?.[1];
  return { seconds: Math.round(seconds * 1000) / 1000, ...(peak ? { peakMB: Math.round(Number(peak) / 1048576) } : {}) };
};

log('scale: casus run on 100,000 events with --max-old-space-size=512');
const scaleFile = join(dir, 'long-100000.yaml');
writeFileSync(scaleFile, longScenarioYaml(100_000));
const scale = {
  events: 100_000,
  text: wall([PEAK, 'run', scaleFile, '--out', join(dir, 'out.txt')], ['--max-old-space-size=512']),
  json: wall([PEAK, 'run', scaleFile, '--format', 'json', '--out', join(dir, 'out.json')], ['--max-old-space-size=512']),
};

log('cold start: casus run on 10 events, 7 times');
const small = join(dir, 'long-10.yaml');
writeFileSync(small, longScenarioYaml(10));
const starts = Array.from({ length: 7 }, () => wall([BIN, 'run', small]).seconds).sort((x, y) => x - y);
const coldStart = { runs: starts.length, medianMs: Math.round(starts[3]! * 1000), all: starts.map((s) => Math.round(s * 1000)) };

log(`simulate: ${simRuns} ten-year runs of models/baseline.yaml`);
const simulation = { runs: simRuns, ...wall([BIN, 'simulate', 'models/baseline.yaml', '--runs', String(simRuns), '--format', 'json', '--out', join(dir, 'sim.json')]) };
rmSync(dir, { recursive: true, force: true });

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: Math.round(totalmem() / 1e9), freeGB: Math.round(freemem() / 1e9), node: process.version };
const results = { machine, layers, check, matrix, scale, coldStart, simulation };
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const pad = (s: unknown, n: number) => String(s).padStart(n);
const out: string[] = [];
out.push(`casus bench · ${machine.cpu} · ${machine.cores} cores · Node ${machine.node}`, '');
out.push('events per second (higher is better)');
out.push(`${'events'.padStart(8)} ${pad('(a) engine', 12)} ${pad('(b) chart', 12)} ${pad('(c) runner', 12)} ${pad('(d) fast', 12)} ${pad('c/(a+b) time', 13)} ${pad('d/c speed', 10)}`);
for (const l of layers) {
  const e = l.eventsPerSecond;
  out.push(`${pad(l.events, 8)} ${pad(e.engine.toLocaleString('en-US'), 12)} ${pad(e.statechart.toLocaleString('en-US'), 12)} ${pad(e.reference.toLocaleString('en-US'), 12)} ${pad(e.fast.toLocaleString('en-US'), 12)} ${pad(l.referenceOverEngines.toFixed(2), 13)} ${pad(`${l.fastOverReference}×`, 10)}`);
}
out.push('', 'time per event (µs): linear if flat');
for (const l of layers) out.push(`${pad(l.events, 8)}  reference ${pad(l.microsecondsPerEvent.reference, 7)}  fast ${pad(l.microsecondsPerEvent.fast, 6)}  compiled with explanations ${pad(micro(l.seconds.compiledWithExplanations, l.events), 6)}`);
out.push('', `casus run, ${scale.events.toLocaleString('en-US')} events, 512 MB heap cap: text ${scale.text.seconds} s, peak ${scale.text.peakMB} MB · json ${scale.json.seconds} s, peak ${scale.json.peakMB} MB`);
out.push(`casus check over the whole domain: ${check.seconds} s (${check.ok ? 'ok' : 'failed'}; limit 30 s)`);
out.push(`casus matrix, ${matrix.events} events × ${matrix.runs} combinations of readings: ${matrix.seconds} s (limit 1 s)`);
out.push(`cold start, casus run on 10 events: median ${coldStart.medianMs} ms of ${coldStart.runs} (${coldStart.all.join(', ')})`);
out.push(`casus simulate, ${simRuns.toLocaleString('en-US')} ten-year runs: ${simulation.seconds} s`);
out.push('', 'wrote bench/results.json');
process.stdout.write(`${out.join('\n')}\n`);
