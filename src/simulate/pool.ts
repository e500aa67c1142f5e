// N runs of a model, in this thread or across worker threads (piscina); the same seed gives the same tally either way.
import { fileURLToPath } from 'node:url';
import type { RuleSet } from '../rules/load.js';
import type { LoadedModel } from './model.js';
import { emptyTally, mergeTallies, tallyRuns, type Tally } from './tally.js';
import type { Task } from './worker.js';

interface SimulationOptions {
  runs: number;
  seed: number;
  /** 1: in this thread; more: that many worker threads */
  workers: number;
  overrides: Record<string, string>;
  /** called as runs complete */
  onProgress?: (done: number, total: number) => void;
}

/** Ranges of runs small enough for a steady progress bar, large enough to keep messages rare. */
function chunks(runs: number, workers: number): Array<[number, number]> {
  const size = Math.max(100, Math.min(5_000, Math.ceil(runs / (workers * 20))));
  const out: Array<[number, number]> = [];
  for (let from = 0; from < runs; from += size) out.push([from, Math.min(runs, from + size)]);
  return out;
}

// dist/simulate/worker.js, from src/ (tests) as from dist/
const WORKER = fileURLToPath(new URL('../../dist/simulate/worker.js', import.meta.url));

export async function simulate(loaded: LoadedModel, ruleSet: RuleSet, options: SimulationOptions): Promise<Tally> {
  const { runs, seed, workers, overrides, onProgress } = options;
  const total = emptyTally();
  let done = 0;
  const count = (tally: Tally) => {
    mergeTallies(total, tally);
    done += tally.runs;
    onProgress?.(done, runs);
  };
  const parts = chunks(runs, workers);
  // a thread costs a start-up of its own: runs that make one chunk are done here
  if (workers <= 1 || parts.length === 1) {
    for (const [from, to] of chunks(runs, 1)) {
      count(tallyRuns(loaded, ruleSet, overrides, seed, from, to));
      await new Promise((resolve) => setImmediate(resolve));
    }
    return total;
  }
  const { Piscina } = await import('piscina');
  const threads = Math.min(workers, parts.length);
  const pool = new Piscina<Task, Tally>({ filename: WORKER, minThreads: threads, maxThreads: threads });
  try {
    await Promise.all(
      parts.map(([from, to]) =>
        pool.run({ rulesDir: ruleSet.dir, model: loaded, overrides, seed, from, to }).then(count),
      ),
    );
  } finally {
    await pool.destroy();
  }
  return total;
}
