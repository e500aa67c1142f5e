// casus simulate MODEL: Monte Carlo over a stochastic event model; the distribution of outcomes.
import { availableParallelism } from 'node:os';
import { InputError, usageIssue } from '../../issues/issue.js';
import { simulationJson, simulationLines, type SimulationReport } from '../../render/simulation.js';
import { resolveSettings } from '../../run/settings.js';
import { loadModel } from '../../simulate/model.js';
import { simulate } from '../../simulate/pool.js';
import { summarise } from '../../simulate/tally.js';
import type { Io } from '../io.js';
import type { Command } from '../options.js';
import { emit } from '../output.js';

/** Below this many runs, worker threads cost more than they save. */
const WORKERS_FROM = 5_000;

function wholeNumber(name: string, text: string | undefined, fallback: number, minimum: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < minimum)
    throw new InputError([
      usageIssue(
        `--${name} ${text}: expected a whole number, ${minimum} or more`,
        `e.g. --${name} ${Math.max(minimum, 2)}`,
      ),
    ]);
  return n;
}

/** A progress bar on stderr, redrawn at most ten times a second, only on a terminal. */
function progressBar(io: Io): { update(done: number, total: number): void; clear(): void } | undefined {
  if (!io.stderrIsTTY) return undefined;
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 30;
      const filled = Math.round((width * done) / total);
      io.stderr(
        `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.floor((100 * done) / total)}% ` +
          `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} runs`,
      );
    },
    clear: () => io.stderr('\r\u001b[2K'),
  };
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Monte Carlo over a stochastic event model: the distribution of outcomes',
  formats: ['text', 'json'],
  shared: ['rules', 'plan', 'set', 'format', 'out'],
  options: {
    runs: { type: 'string', usage: '--runs N', help: 'how many timelines (default 1000)' },
    seed: {
      type: 'string',
      usage: '--seed S',
      help: 'the random seed (default 1); the same seed gives the same result, whatever the number of workers',
    },
    workers: {
      type: 'string',
      usage: '--workers K',
      help: `worker threads (default: one per core from ${WORKERS_FROM} runs, else 1; at most one per core)`,
    },
  },
  help: `Usage: casus simulate MODEL [--runs N] [--seed S] [--workers K] [--format text|json] [--out FILE]

Generates N random timelines from a stochastic model (models/*.yaml: for each kind of
event, its chance per year or per month) and runs each through the rules and the
statechart (the compiled fast path). Prints the distribution of final statuses, the
time from entry into force to invocation, revocation, lapse, voidness or expiry, which
rule and clause decided each outcome, and the breaches recorded.

Examples:
  casus simulate models/baseline.yaml --runs 100000
  casus simulate models/baseline.yaml --runs 10000 --set invasion-test=any-attack --format json`,
  async run(args, io) {
    const { file, out } = args.oneFile('model file', 'casus simulate models/baseline.yaml --runs 10000');
    const runs = wholeNumber('runs', args.values.runs as string | undefined, 1000, 1);
    const seed = wholeNumber('seed', args.values.seed as string | undefined, 1, 0);
    if (seed > 0xffffffff) throw new InputError([usageIssue(`--seed ${seed}: at most ${0xffffffff}`)]);
    const cores = availableParallelism();
    const asked = wholeNumber(
      'workers',
      args.values.workers as string | undefined,
      runs >= WORKERS_FROM ? cores : 1,
      1,
    );
    // each worker is a thread with its own heap: hundreds of them took gigabytes and once aborted V8
    const workers = Math.min(asked, cores);
    if (asked > workers)
      io.stderr(`casus simulate: --workers ${asked} is more than the ${cores} cores here; using ${cores}\n`);
    const ruleSet = args.ruleSet();
    const overrides = args.overrides();
    const loaded = loadModel(file, ruleSet);
    const { model } = loaded;
    const settings = resolveSettings(
      ruleSet,
      {
        scenario: model.model,
        title: model.title,
        events: [],
        ...(model.interpretations ? { interpretations: model.interpretations } : {}),
        ...(model.parameters ? { parameters: model.parameters } : {}),
      },
      overrides,
    );
    const bar = progressBar(io);
    const tally = await simulate(loaded, ruleSet, {
      runs,
      seed,
      workers,
      overrides,
      ...(bar ? { onProgress: bar.update } : {}),
    });
    bar?.clear();
    const report: SimulationReport = {
      model: model.model,
      title: model.title,
      file,
      runs,
      seed,
      years: model.years,
      start: model.start,
      interpretations: settings.interpretations,
      parameters: settings.parameters,
      summary: summarise(tally, model.years, ruleSet),
    };
    emit(io, args.format === 'json' ? simulationJson(report) : `${[...simulationLines(report)].join('\n')}\n`, out, [
      file,
    ]);
    return 0;
  },
};
